package vn.laurel.api.tools;

import io.micronaut.context.ApplicationContext;
import vn.laurel.api.Application;
import vn.laurel.api.batch.BatchProgress;
import vn.laurel.api.batch.BatchRequest;
import vn.laurel.api.batch.BatchRunner;
import vn.laurel.api.batch.BatchStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.json.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;

/**
 * {@code ./laurel batch --year Y [--unit U [--include-subunits]] [--awards A,B] [--as-of D]
 * [--save-decisions] [--threads N] [--db JDBC_URL]}: evaluates every person and unit in scope from
 * the database, quotas per unit, and writes the outcomes (batch_outcome). Progress and an ETA go
 * to the terminal (stderr); the summary, as JSON, to stdout.
 */
public final class BatchCommand {
    private static final String USAGE = "usage: laurel batch --year Y [--unit U [--include-subunits]] [--awards A,B] [--as-of YYYY-MM-DD] "
            + "[--save-decisions] [--threads N] [--db JDBC_URL]";

    private BatchCommand() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(System.getenv());
        Integer year = null;
        LocalDate asOf = null;
        String unit = null;
        boolean subunits = false, save = false;
        List<String> awards = List.of();
        int threads = Runtime.getRuntime().availableProcessors();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--year" -> year = Integer.parseInt(args[++i]);
                    case "--unit" -> unit = args[++i];
                    case "--include-subunits" -> subunits = true;
                    case "--awards" -> awards = Arrays.stream(args[++i].split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                    case "--as-of" -> asOf = LocalDate.parse(args[++i]);
                    case "--save-decisions" -> save = true;
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--db" -> env.put("LAUREL_DB_URL", args[++i]);
                    default -> fail("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            fail("bad arguments: " + e.getMessage());
        }
        if (year == null) fail("--year is required");
        if (env.get("LAUREL_DB_URL") == null) fail("name the database: --db JDBC_URL or LAUREL_DB_URL");
        if (asOf == null) asOf = LocalDate.of(year + 1, 1, 15);
        Map<String, Object> props = new HashMap<>(Application.databaseSettings(env));
        props.put("laurel.demo.enabled", false);
        props.put("micronaut.server.enabled", false);
        BatchRequest request = new BatchRequest(year, asOf, unit, unit == null || subunits, awards, save);
        String by = "cli " + System.getProperty("user.name");
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            BatchRunner runner = ctx.getBean(BatchRunner.class);
            BatchStore store = ctx.getBean(BatchStore.class);
            runner.validate(request);
            long id = store.create(request, by);
            Terminal terminal = new Terminal(System.err);
            BatchProgress done = runner.run(id, request, by, threads, terminal::show);
            terminal.end();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("batchId", id);
            summary.put("subjects", done.subjectsDone());
            summary.put("outcomesWritten", done.outcomesWritten());
            summary.put("seconds", Math.round(done.elapsedSeconds() * 10) / 10.0);
            summary.put("subjectsPerSecond", Math.round(done.perSecond()));
            summary.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
            summary.put("outcomes", store.counts(id));
            out.println(Json.writePretty(summary));
            System.exit(0);
        } catch (ProblemException e) {
            fail(e.getMessage());
        } catch (RuntimeException e) {
            System.err.println("laurel batch: " + e.getMessage());
            System.exit(1);
        }
    }

    /** One progress line, rewritten in place on a terminal, a line every ten seconds otherwise (a log). */
    static final class Terminal {
        private final PrintStream err;
        private final boolean tty = System.console() != null;
        private long lastLine;

        Terminal(PrintStream err) { this.err = err; }

        void show(BatchProgress p) {
            String line = line(p);
            if (tty) {
                err.print("\r" + line + "   ");
            } else if (System.nanoTime() - lastLine > 10_000_000_000L) {
                err.println(line);
                lastLine = System.nanoTime();
            }
        }

        void end() { if (tty) err.println(); }

        static String line(BatchProgress p) {
            Long eta = p.etaSeconds();
            Runtime rt = Runtime.getRuntime();
            return String.format(Locale.ROOT, "%5.1f%%  units %d/%d  subjects %,d/%,d  %,.0f/s  elapsed %s  ETA %s  heap %d MB",
                    p.fraction() * 100, p.unitsDone(), p.unitsTotal(), p.subjectsDone(), p.personsTotal() + p.unitsTotal(),
                    p.perSecond(), clock(Math.round(p.elapsedSeconds())), eta == null ? "--" : clock(eta),
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }

        private static String clock(long s) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        }
    }

    private static void fail(String why) {
        System.err.println("laurel batch: " + why + "\n" + USAGE);
        System.exit(2);
    }
}
