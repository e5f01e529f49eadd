package vn.laurel.api.decisions;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.store.SubjectRows;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.*;
import vn.laurel.engine.history.History;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.*;

/**
 * Who in a unit (or a whole subtree) is eligible for an award in a year. Everyone is evaluated
 * together, so that a cap on the award (a quota) ranks the candidates beyond it. Nothing is saved:
 * this is a list to work from; a decision is taken subject by subject.
 */
@Singleton
public class CandidatesService {
    private final FactStore facts;
    private final RuleSetHolder rules;
    private final DataSource dataSource;
    private final RequestLimits limits;

    public CandidatesService(FactStore facts, RuleSetHolder rules, DataSource dataSource, RequestLimits limits) {
        this.limits = limits;
        this.facts = facts;
        this.rules = rules;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** One candidate: who, where, and the answer for the award. */
    public record Candidate(String subjectId, String name, String unit, AwardResult result) {}

    public record Candidates(String award, int year, LocalDate asOf, String regime, String rulesetVersion, List<String> units,
                             List<Candidate> candidates, List<ParameterUse> parameters) {}

    public Candidates candidates(String award, int year, LocalDate asOf, String unit, boolean includeSubunits) {
        RuleSet ruleSet = rules.current();
        AwardDefinition definition = ruleSet.award(award).orElseThrow(() -> ProblemException.notFound("No award " + award));
        List<String> units = units(unit, includeSubunits);
        boolean forUnits = !definition.appliesTo(SubjectKind.PERSON);
        List<String> ids = new ArrayList<>();
        if (forUnits) ids.addAll(units);
        else units.forEach(u -> facts.membersOf(u, year).forEach(ids::add));
        List<String> distinct = ids.stream().distinct().toList();
        limits.checkSubjects("unit", distinct.size());
        RequestLimits.Deadline deadline = limits.deadline();
        Map<String, Subject> subjects = facts.subjects(distinct);
        var organisation = subjects.isEmpty() ? null : facts.organisationOf(subjects.values().iterator().next());

        List<Quotas.Candidate> population = Collections.synchronizedList(new ArrayList<>());
        List<ParameterUse> used = Collections.synchronizedList(new ArrayList<>());
        String[] regime = {null};
        subjects.values().parallelStream().forEach(s -> {
            deadline.check("unit");
            List<Subject> members = forUnits ? facts.membersOf(s.id(), year).stream().map(id -> facts.subject(id).orElseThrow()).toList()
                    : List.of();
            CaseDocument doc = new CaseDocument(null, asOf, year, List.of(award), organisation, s, members, Map.of());
            EvaluationResult r = rules.evaluator().evaluate(ruleSet, doc);
            regime[0] = r.regime();
            used.addAll(r.parameters());
            History history = new History(s);
            r.results().forEach(a -> history.recordDecision(a.award(), year, a.outcome()));
            population.add(new Quotas.Candidate(history, r.result(award)));
        });
        List<Quotas.Candidate> ordered = new ArrayList<>(population);
        ordered.sort(Comparator.comparing(c -> c.history().getId()));
        List<AwardResult> capped = Quotas.apply(award, year, ordered, ruleSet.parameters(), asOf, organisation, used);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Subject s = ordered.get(i).history().getSubject();
            out.add(new Candidate(s.id(), s.name(), s.unit(), capped.get(i)));
        }
        List<ParameterUse> parameters = new ArrayList<>(new LinkedHashSet<>(used));
        return new Candidates(award, year, asOf, regime[0], ruleSet.version(), units, out, parameters);
    }

    /** The unit, and with includeSubunits every unit below it. */
    private List<String> units(String unit, boolean includeSubunits) {
        try (Connection c = dataSource.getConnection()) {
            if (SubjectRows.unit(c, unit).isEmpty()) throw ProblemException.notFound("No unit " + unit);
            List<String> units = new ArrayList<>(List.of(unit));
            if (!includeSubunits) return units;
            Map<String, List<String>> children = new HashMap<>();
            for (Map<String, Object> row : SubjectRows.list(c, "SELECT code, parent_code FROM org_unit WHERE parent_code IS NOT NULL")) {
                children.computeIfAbsent((String) row.get("parent_code"), k -> new ArrayList<>()).add((String) row.get("code"));
            }
            for (int i = 0; i < units.size() && units.size() < 100_000; i++) {
                units.addAll(children.getOrDefault(units.get(i), List.of()));
            }
            return units;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
