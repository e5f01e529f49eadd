package vn.laurel.api.tools;

import io.micronaut.context.ApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.laurel.api.imports.*;
import vn.laurel.engine.cli.Cli;
import vn.laurel.engine.json.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.concurrent.Callable;

/**
 * {@code ./laurel import PATH… [--db JDBC_URL]}: imports CSV and JSON files (or every such file of a
 * directory) into the database, in one transaction, without a running server. Flyway creates the
 * schema first if needed.
 */
@Command(name = "laurel import", description = {"Import CSV and JSON files (or every such file of a directory) into the database,",
        "all or nothing, without a running server. The report goes to stdout as JSON."},
        exitCodeListHeading = Cli.EXIT_CODES_HEADING,
        exitCodeList = {"0:imported", "1:bad rows (each named: file, row, field); nothing was written", "2:usage error"})
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    Cli.Help help;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "CSV or JSON files, or directories of them.")
    List<Path> paths;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "The database (default: LAUREL_DB_URL, else the embedded one).")
    String db;

    public static void main(String[] args) {
        Cli.main(new ImportCommand(), args);
    }

    @Override
    public Integer call() {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Map<String, Object> props = new HashMap<>();
        if (db != null) {
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("LAUREL_DB_URL", db);
            props.putAll(vn.laurel.api.Application.databaseSettings(env));
        } else {
            props.putAll(vn.laurel.api.Application.databaseSettings(System.getenv()));
        }
        props.put("laurel.demo.enabled", false);
        props.put("micronaut.server.enabled", false);
        List<ImportSource> sources = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) sources.addAll(ImportSources.directory(p));
            else sources.add(ImportSources.file(p));
        }
        try (ApplicationContext ctx = ApplicationContext.builder().properties(props).start()) {
            ImportService imports = ctx.getBean(ImportService.class);
            long id = imports.begin(sources.stream().map(ImportSource::name).toList(), "cli " + System.getProperty("user.name"));
            ImportReport report = imports.run(id, sources, "cli " + System.getProperty("user.name"));
            out.println(Json.writePretty(report));
            return Cli.OK;
        } catch (ImportFailedException e) {
            e.errors().forEach(err -> out.println(err));
            out.println(e.report().errorCount() + " bad row(s); nothing was written.");
            return Cli.FAILED;
        }
    }
}
