package vn.laurel.api.earliest;

import vn.laurel.api.limits.RequestLimits;
import jakarta.inject.Singleton;
import vn.laurel.api.metrics.LaurelMetrics;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.projection.Assumptions;
import vn.laurel.engine.projection.Earliest;
import vn.laurel.engine.projection.EarliestYears;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.List;

/**
 * The earliest year a subject could become eligible for its awards if its record continues at its present
 * level, or at a level assumed (the engine's {@link EarliestYears}): for a stored subject, its case as every
 * evaluation from the store sees it ({@link StoredCases}: a unit with its members at the end of the year); or
 * for a case document sent. Nothing is saved: a projection is no decision.
 */
@Singleton
public class EarliestService {
    private final FactStore facts;
    private final StoredCases cases;
    private final RuleSetHolder rules;
    private final LaurelMetrics metrics;
    private final RequestLimits limits;

    public EarliestService(FactStore facts, StoredCases cases, RuleSetHolder rules, LaurelMetrics metrics, RequestLimits limits) {
        this.limits = limits;
        this.facts = facts;
        this.cases = cases;
        this.rules = rules;
        this.metrics = metrics;
    }

    /** A stored subject's earliest years; 404 when there is no such subject. */
    public Earliest ofSubject(String subjectId, int year, LocalDate asOf, List<String> awards, Assumptions assumptions) {
        Subject subject = facts.subject(subjectId).orElseThrow(() -> ProblemException.notFound("No subject with id " + subjectId));
        return ofSubject(subject, year, asOf, awards, assumptions);
    }

    /** As above, for a subject already read (a page that shows its facts too). */
    public Earliest ofSubject(Subject subject, int year, LocalDate asOf, List<String> awards, Assumptions assumptions) {
        RuleSet current = rules.current();
        CaseDocument doc = cases.caseOf(subject, year, asOf, awards);
        limits.checkProjection(doc.members().size() + 1, assumptions.horizon());
        return metrics.evaluation(() -> EarliestYears.find(current, doc, assumptions));
    }

    /** The earliest years of a case document's subject: its facts are the sender's. */
    public Earliest ofCase(CaseDocument doc, Assumptions assumptions) {
        RuleSet current = rules.current();
        limits.checkProjection(doc.members().size() + 1, assumptions.horizon());
        return metrics.evaluation(() -> EarliestYears.find(current, doc, assumptions));
    }

    /** The awards of the rules in service given to a kind of subject, in the catalogue's order (a page's choice). */
    public List<AwardDefinition> awardsFor(SubjectKind kind) {
        return rules.current().awards().values().stream().filter(a -> a.appliesTo(kind)).toList();
    }
}
