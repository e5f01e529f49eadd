package vn.laurel.api.preview;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.*;

/** Whom a preview evaluates: the persons of a unit (and its subunits) in a year, or the subjects of recent decisions. */
@Singleton
public class Population {
    private final DataSource dataSource;
    private final FactStore facts;
    private final UnitDirectory directory;

    public Population(DataSource dataSource, FactStore facts, UnitDirectory directory) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.facts = facts;
        this.directory = directory;
    }

    /** One subject to evaluate under both rule sets. */
    public record Target(String subjectId, int year, LocalDate asOf, List<String> awards) {}

    /**
     * The persons whose membership covers 31 December of the year in the unit, and with
     * {@code includeSubunits} in every unit below it (org_unit.parent_code).
     */
    public List<Target> ofUnit(String unit, boolean includeSubunits, int year, LocalDate asOf, List<String> awards) {
        List<String> units = includeSubunits ? directory.subtree(unit) : List.of(unit);
        if (units.isEmpty()) throw ProblemException.badField("unit", "no unit with code " + unit);
        Set<String> persons = new TreeSet<>();
        for (String u : units) persons.addAll(facts.membersOf(u, year));
        return persons.stream().map(id -> new Target(id, year, asOf, awards)).toList();
    }

    /** The last n saved decisions, each evaluated again for its subject, year, appraisal date and awards. */
    public List<Target> lastDecisions(int n) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT subject_id, evaluation_year, as_of, outcomes FROM decision "
                     + "ORDER BY id DESC LIMIT ?")) {
            ps.setInt(1, n);
            List<Target> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // outcomes reads "ADVANCED_LABORER=ELIGIBLE,…": the awards that decision answered
                    List<String> awards = Arrays.stream(rs.getString(4).split(","))
                            .map(s -> s.split("=")[0].trim()).filter(s -> !s.isEmpty()).toList();
                    out.add(new Target(rs.getString(1), rs.getInt(2), rs.getObject(3, LocalDate.class), awards));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the decisions", e);
        }
    }
}
