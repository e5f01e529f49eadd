package vn.laurel.api.tools;

import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.laurel.api.Application;
import vn.laurel.api.batch.BatchProgress;
import vn.laurel.api.batch.BatchRequest;
import vn.laurel.api.batch.BatchRunner;
import vn.laurel.api.batch.BatchStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.cli.Cli;
import vn.laurel.engine.json.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * {@code ./laurel batch --year Y [--unit U [--include-subunits]] [--awards A,B] [--as-of D]
 * [--save-decisions] [--threads N] [--db JDBC_URL]}: evaluates every person and unit in scope from
 * the database, quotas per unit, and writes the outcomes (batch_outcome). Progress and an ETA go
 * to the terminal (stderr); the summary, as JSON, to stdout.
 */
@Command(name = "laurel batch", description = {"Evaluate every person and unit in scope from the database, quotas per unit, and write",
        "the outcomes. Progress and an ETA go to stderr; the summary, as JSON, to stdout."},
        exitCodeListHeading = Cli.EXIT_CODES_HEADING,
        exitCodeList = {"0:done", "1:the batch failed while it ran (the reason on stderr)",
                "2:usage error, or a request the service would refuse (an unknown unit or award)"})
public final class BatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Cli.Help help;

    @Option(names = "--year", required = true, paramLabel = "Y", description = "The year appraised.")
    int year;

    @Option(names = "--unit", paramLabel = "U", description = "Only this unit (default: every unit).")
    String unit;

    @Option(names = "--include-subunits", description = "With --unit: its subunits too.")
    boolean subunits;

    @Option(names = "--awards", split = ",", paramLabel = "A,B", description = "Only these awards (default: all).")
    List<String> awards = List.of();

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The appraisal date (default: 15 January of the next year).")
    LocalDate asOf;

    @Option(names = "--save-decisions", description = "Also save each outcome as a decision.")
    boolean save;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The database (default: LAUREL_DB_URL).")
    String db;

    public static void main(String[] args) {
        Cli.main(new BatchCommand(), args);
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, String> env = new HashMap<>(System.getenv());
        if (db != null) env.put("LAUREL_DB_URL", db);
        if (env.get("LAUREL_DB_URL") == null) throw usage("name the database: --db JDBC_URL or LAUREL_DB_URL");
        List<String> awards = this.awards.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        LocalDate asOf = this.asOf != null ? this.asOf : LocalDate.of(year + 1, 1, 15);
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
            return Cli.OK;
        } catch (ProblemException e) {
            throw usage(e.getMessage());
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("laurel batch: " + e.getMessage());
            return Cli.FAILED;
        }
    }

    private ParameterException usage(String why) {
        return new ParameterException(spec.commandLine(), why);
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
}
