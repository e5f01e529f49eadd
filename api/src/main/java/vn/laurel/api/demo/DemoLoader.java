package vn.laurel.api.demo;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.csv.CsvException;
import vn.laurel.api.csv.CsvReader;
import vn.laurel.api.facts.*;
import vn.laurel.engine.model.*;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loads the demo department (examples/demo/*.csv) into an empty database when the service starts,
 * in one transaction: all of it or none. Every fact records the file and row it came from.
 */
@Singleton
@Requires(property = "laurel.demo.enabled", value = "true")
public class DemoLoader implements ApplicationEventListener<StartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final Path dir;
    private final Repositories.Units units;
    private final Repositories.Subjects subjects;
    private final Repositories.Memberships memberships;
    private final Repositories.Ratings ratings;
    private final Repositories.Titles titles;
    private final Repositories.Commendations commendations;
    private final Repositories.Initiatives initiatives;
    private final Repositories.Disciplines disciplines;
    private final Repositories.Absences absences;
    private final Repositories.Attestations attestations;

    public DemoLoader(@Value("${laurel.demo.dir}") String dir, Repositories.Units units, Repositories.Subjects subjects,
                      Repositories.Memberships memberships, Repositories.Ratings ratings, Repositories.Titles titles,
                      Repositories.Commendations commendations, Repositories.Initiatives initiatives,
                      Repositories.Disciplines disciplines, Repositories.Absences absences,
                      Repositories.Attestations attestations) {
        this.dir = Path.of(dir);
        this.units = units;
        this.subjects = subjects;
        this.memberships = memberships;
        this.ratings = ratings;
        this.titles = titles;
        this.commendations = commendations;
        this.initiatives = initiatives;
        this.disciplines = disciplines;
        this.absences = absences;
        this.attestations = attestations;
    }

    @Override
    @Transactional
    public void onApplicationEvent(StartupEvent event) {
        if (subjects.count() > 0) {
            LOG.info("Demo data not loaded: the database already holds subjects");
            return;
        }
        load();
    }

    void load() {
        Instant now = Instant.now();
        read("units.csv", r -> new UnitRow(r.required("code"), r.required("name"), r.optional("parent"),
                r.optional("sector"), source(r, "units.csv"), now), units::saveAll);
        // A unit is also a collective subject, with the unit's code as its id.
        read("units.csv", r -> new SubjectRow(r.required("code"), SubjectKind.COLLECTIVE.name(), r.required("name"),
                r.required("code"), null, null, null, null, null, source(r, "units.csv"), now), subjects::saveAll);
        read("people.csv", r -> new SubjectRow(r.required("id"), SubjectKind.PERSON.name(), r.required("name"),
                r.optional("unit"), r.date("hired_on", false), r.bool("manager"),
                r.code("education", Education.class, false), r.bool("union_member"), r.bool("armed_forces"),
                source(r, "people.csv"), now), subjects::saveAll);
        read("memberships.csv", r -> new MembershipRow(null, r.required("subject"), r.required("unit"),
                r.date("from", true), r.date("to", false), source(r, "memberships.csv"), now), memberships::saveAll);
        read("ratings.csv", r -> new RatingRow(null, r.required("subject"), r.integer("year", true),
                r.code("rating", Rating.class, true), source(r, "ratings.csv"), now), ratings::saveAll);
        read("titles.csv", r -> new TitleRow(null, r.required("subject"), r.integer("year", true), r.required("code"),
                r.optional("decision_no"), r.date("decided_on", false), Boolean.TRUE.equals(r.bool("revoked")),
                source(r, "titles.csv"), now), titles::saveAll);
        read("commendations.csv", r -> new CommendationRow(null, r.required("subject"), r.integer("year", true),
                r.required("code"), r.optional("kind") == null ? CommendationKind.MERIT.name()
                        : r.code("kind", CommendationKind.class, true),
                r.optional("decision_no"), r.date("decided_on", false), false, source(r, "commendations.csv"), now),
                commendations::saveAll);
        read("initiatives.csv", r -> new InitiativeRow(null, r.required("subject"), r.integer("year", true),
                r.code("level", InitiativeLevel.class, true), r.optional("kind") == null ? InitiativeKind.INITIATIVE.name()
                        : r.code("kind", InitiativeKind.class, true),
                r.longValue("benefit_vnd"), r.optional("title"), source(r, "initiatives.csv"), now), initiatives::saveAll);
        read("disciplines.csv", r -> new DisciplineRow(null, r.required("subject"),
                r.code("form", DisciplineForm.class, false), r.code("status", DisciplineStatus.class, true),
                r.date("decided_on", false), r.date("until", false), r.date("since", false),
                source(r, "disciplines.csv"), now), disciplines::saveAll);
        read("absences.csv", r -> new AbsenceRow(null, r.required("subject"), r.integer("year", true),
                r.integer("days", true), source(r, "absences.csv"), now), absences::saveAll);
        read("attestations.csv", r -> new AttestationRow(null, r.required("subject"), r.integer("year", true),
                r.required("criterion"), Boolean.TRUE.equals(r.bool("value")), r.optional("attested_by"),
                r.date("attested_on", false), source(r, "attestations.csv"), now), attestations::saveAll);
        LOG.info("Demo department loaded from {}: {} subjects", dir.toAbsolutePath(), subjects.count());
    }

    private static String source(RowValues r, String file) {
        return "demo examples/demo/" + file + " row " + r.line();
    }

    private <T> void read(String file, Function<RowValues, T> mapper, Function<List<T>, ?> save) {
        Path path = dir.resolve(file);
        if (!Files.isRegularFile(path)) return;
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<T> rows = new ArrayList<>();
        try (CsvReader csv = new CsvReader(new InputStreamReader(Files.newInputStream(path), decoder))) {
            while (csv.hasNext()) rows.add(mapper.apply(new RowValues(file, csv.next())));
        } catch (CsvException e) {
            throw new CsvRowException(file, e.getLine(), "-", e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        save.apply(rows);
    }
}
