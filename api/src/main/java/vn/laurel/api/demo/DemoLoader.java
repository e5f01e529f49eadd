package vn.laurel.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.imports.ImportFailedException;
import vn.laurel.api.imports.ImportReport;
import vn.laurel.api.imports.ImportService;
import vn.laurel.api.imports.ImportSources;
import vn.laurel.api.store.DirectoryStore;

import java.nio.file.Path;

/**
 * Loads the demo department (examples/demo/*.csv) into an empty database when the service starts,
 * through the same import as any agency's files: all of it or none, every fact naming its file and row.
 */
@Singleton
@Requires(property = "laurel.demo.enabled", value = "true")
public class DemoLoader implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final Path dir;
    private final ImportService imports;
    private final DirectoryStore directory;

    public DemoLoader(@Value("${laurel.demo.dir}") String dir, ImportService imports, DirectoryStore directory) {
        this.dir = Path.of(dir);
        this.imports = imports;
        this.directory = directory;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        if (directory.hasSubjects()) {
            LOG.info("Demo data not loaded: the database already holds subjects");
            return;
        }
        var sources = ImportSources.directory(dir);
        long id = imports.begin(sources.stream().map(s -> s.name()).toList(), "demo");
        try {
            ImportReport report = imports.run(id, sources, "demo");
            LOG.info("Demo department loaded from {} as import {}: {} rows", dir.toAbsolutePath(), report.id(), report.rowsRead());
        } catch (ImportFailedException e) {
            e.errors().forEach(err -> LOG.error("demo data: {}", err));
            throw e;
        }
    }
}
