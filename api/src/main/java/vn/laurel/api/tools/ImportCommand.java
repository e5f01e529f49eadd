package vn.laurel.api.tools;

import io.micronaut.context.ApplicationContext;
import vn.laurel.api.imports.*;
import vn.laurel.engine.json.Json;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * {@code ./laurel import PATH… [--db JDBC_URL]}: imports CSV and JSON files (or every such file of a
 * directory) into the database, in one transaction, without a running server. Flyway creates the
 * schema first if needed.
 */
public final class ImportCommand {
    private ImportCommand() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Path> paths = new ArrayList<>();
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--db")) {
                Map<String, String> env = new HashMap<>(System.getenv());
                env.put("LAUREL_DB_URL", args[++i]);
                props.putAll(vn.laurel.api.Application.databaseSettings(env));
            } else {
                paths.add(Path.of(args[i]));
            }
        }
        if (paths.isEmpty()) {
            System.err.println("usage: laurel import PATH... [--db JDBC_URL]");
            System.exit(2);
        }
        if (!props.containsKey("datasources.default.url")) props.putAll(vn.laurel.api.Application.databaseSettings(System.getenv()));
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
            System.exit(0);
        } catch (ImportFailedException e) {
            e.errors().forEach(err -> out.println(err));
            out.println(e.report().errorCount() + " bad row(s); nothing was written.");
            System.exit(1);
        }
    }
}
