package vn.laurel.api.councils;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.unit.UnitAnswer;
import vn.laurel.engine.unit.UnitCase;
import vn.laurel.engine.unit.UnitEvaluator;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.Supplier;
import java.util.*;

/**
 * Builds a session's agenda from the stored facts, as the candidates list does: the persons of the
 * council's unit and subunits decided together for every person award (caps among them), the units for
 * every unit award. A candidate is on the agenda for an award when its outcome is NEEDS_REVIEW, or when
 * it is eligible (within a cap or beyond it) for an award that needs a ballot of its own.
 */
@Singleton
public class AgendaService {
    private final FactStore facts;
    private final StoredCases cases;
    private final UnitDirectory directory;
    private final RuleSetHolder rules;
    private final RequestLimits limits;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public AgendaService(FactStore facts, StoredCases cases, UnitDirectory directory, RuleSetHolder rules, RequestLimits limits,
                         @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.facts = facts;
        this.cases = cases;
        this.directory = directory;
        this.rules = rules;
        this.limits = limits;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** The appraisal date of a year's proposals: the usual day of the next year, or today when that is still ahead. */
    public LocalDate asOf(int year) {
        LocalDate usual = appraisalDay.atYear(year + 1);
        LocalDate today = LocalDate.now(clock);
        return today.isBefore(usual) ? today : usual;
    }

    /** The organisation that selects the council's per-organisation thresholds: the root of its unit's tree. */
    public Organisation organisationOf(Council council) {
        return facts.subject(council.unit()).map(facts::organisationOf).orElse(null);
    }

    public Agenda agenda(CouncilSession session, Council council, List<Ballot> ballots) {
        RuleSet ruleSet = rules.current();
        LocalDate asOf = asOf(session.year());
        Organisation organisation = organisationOf(council);
        List<String> units = directory.subtree(council.unit());
        Set<String> persons = new TreeSet<>();
        for (String u : units) persons.addAll(facts.membersOf(u, session.year()));
        limits.checkSubjects("session", persons.size() + units.size());

        List<String> personAwards = awards(ruleSet, SubjectKind.PERSON);
        List<String> unitAwards = awards(ruleSet, SubjectKind.COLLECTIVE);
        Map<String, Ballot> recorded = new HashMap<>();
        ballots.forEach(b -> recorded.put(b.subjectId() + "|" + b.award(), b));
        List<AgendaItem> items = new ArrayList<>();
        UnitEvaluator evaluator = new UnitEvaluator(rules.evaluator()).inParallel();
        RequestLimits.Deadline deadline = limits.deadline();
        for (var group : List.of(Map.entry(List.copyOf(units), unitAwards), Map.entry(List.copyOf(persons), personAwards))) {
            if (group.getKey().isEmpty() || group.getValue().isEmpty()) continue;
            UnitCase together = cases.together(council.unit(), group.getKey(), session.year(), asOf, group.getValue());
            UnitAnswer answer = evaluator.evaluate(ruleSet, together, id -> deadline.check("session"));
            for (int i = 0; i < answer.members().size(); i++) {
                Subject s = together.members().get(i).subject();
                EvaluationResult r = answer.members().get(i);
                for (AwardResult a : r.results()) {
                    if (!group.getValue().contains(a.award())) continue;
                    // A candidate this session voted on stays on its agenda, whatever its outcome now (a passed ballot made it eligible).
                    Ballot ballot = recorded.get(s.id() + "|" + a.award());
                    CaseDocument doc = together.members().get(i);
                    item(ruleSet, session, organisation, s, a, ballot != null, () -> settledCriteria(ruleSet, doc, a), List.of())
                            .ifPresent(item -> items.add(item.withBallot(ballot)));
                }
            }
        }
        List<String> order = List.copyOf(ruleSet.awards().keySet());
        items.sort(Comparator.comparing((AgendaItem it) -> order.indexOf(it.award()))
                .thenComparing(AgendaItem::person)
                .thenComparing(it -> Objects.toString(it.unit(), ""))
                .thenComparing(it -> Objects.toString(it.name(), ""))
                .thenComparing(AgendaItem::subjectId));
        return new Agenda(session, council, asOf, ruleSet.version(), List.copyOf(items));
    }

    /**
     * One candidate and award, decided alone (a ballot being recorded): its agenda item, with the criteria
     * waiting now; refused (422 naming {@code field}) when the subject is not of the council's unit or
     * its outcome does not put it on the agenda.
     */
    public AgendaItem candidate(RuleSet ruleSet, CouncilSession session, Council council, Subject subject, String award, String field) {
        if (!directory.subjectWithin(subject.id(), Set.of(council.unit()))) {
            throw CouncilRefused.unprocessable(field, "councils.error.notOfUnit", subject.id(), council.unit());
        }
        CaseDocument doc = cases.caseOf(subject, session.year(), asOf(session.year()), List.of(award));
        AwardResult result = rules.evaluator().evaluate(ruleSet, doc).result(award);
        AttestationProbe.Settled settled = AttestationProbe.of(rules.evaluator(), ruleSet, doc, result);
        return item(ruleSet, session, organisationOf(council), subject, result, false, settled::criteria, settled.codes()).orElseThrow(() ->
                CouncilRefused.unprocessable(field, "councils.error.notOnAgenda", subject.id(), award, result.outcome().name()));
    }

    /**
     * The open criteria a judgment would settle: those that are attestations themselves without asking
     * the engine; when another is open too (a criterion reading several attestations, or a pending
     * matter), the engine is asked ({@link AttestationProbe}).
     */
    private Set<String> settledCriteria(RuleSet ruleSet, CaseDocument doc, AwardResult a) {
        boolean onlyAttestations = a.criteria().stream()
                .allMatch(c -> c.status() != Status.NEEDS_REVIEW || ruleSet.attestations().containsKey(c.criterion()));
        if (onlyAttestations) {
            Set<String> open = new HashSet<>();
            a.criteria().stream().filter(c -> c.status() == Status.NEEDS_REVIEW).forEach(c -> open.add(c.criterion()));
            return open;
        }
        return AttestationProbe.settledCriteria(rules.evaluator(), ruleSet, doc, a);
    }

    private static Optional<AgendaItem> item(RuleSet ruleSet, CouncilSession session, Organisation organisation, Subject s, AwardResult a,
                                             boolean voted, Supplier<Set<String>> settledByJudgment, List<String> settles) {
        boolean required = Threshold.required(ruleSet, a.award(), session.heldOn(), organisation);
        boolean eligible = a.outcome() == Outcome.ELIGIBLE || a.outcome() == Outcome.ELIGIBLE_SUBJECT_TO_QUOTA;
        if (!voted && a.outcome() != Outcome.NEEDS_REVIEW && !(required && eligible)) return Optional.empty();
        List<CriterionOutcome> waiting = new ArrayList<>(), other = new ArrayList<>();
        Set<String> settled = a.outcome() == Outcome.NEEDS_REVIEW ? settledByJudgment.get() : Set.of();
        for (CriterionOutcome c : a.criteria()) {
            if (c.status() != Status.NEEDS_REVIEW) continue;
            (settled.contains(c.criterion()) ? waiting : other).add(c);
        }
        Threshold threshold = Threshold.of(ruleSet, a.award(), session.heldOn(), organisation);
        return Optional.of(new AgendaItem(s.id(), s.name(), s.kind() == SubjectKind.PERSON, s.unit(), a.award(), a.name(), a.outcome(),
                List.copyOf(waiting), List.copyOf(other), required, threshold, null, settles));
    }

    private static List<String> awards(RuleSet ruleSet, SubjectKind kind) {
        return ruleSet.awards().values().stream().filter(d -> d.appliesTo(kind)).map(AwardDefinition::code).toList();
    }
}
