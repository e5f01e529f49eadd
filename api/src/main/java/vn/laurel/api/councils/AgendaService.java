package vn.laurel.api.councils;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
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
 * every unit award. A candidate is on the agenda for an award when its outcome is NEEDS_REVIEW, when
 * it is eligible (within a cap or beyond it) for an award that needs a ballot of its own, or when a
 * council voted on it for the award earlier in the year. A ballot's check decides its candidates the
 * same way, so that a row the agenda lists is never refused as off the agenda.
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

    /** A candidate and award a ballot asks for, and the field to name when it is not on the agenda. */
    public record Asked(Subject subject, String award, String field) {}

    public Agenda agenda(CouncilSession session, Council council, List<Ballot> ballots, Map<String, SessionBallot> earlier) {
        RuleSet ruleSet = rules.current();
        Organisation organisation = organisationOf(council);
        Map<String, Ballot> recorded = new HashMap<>();
        ballots.forEach(b -> recorded.put(key(b.subjectId(), b.award()), b));
        List<AgendaItem> items = new ArrayList<>();
        evaluate(ruleSet, session, council, key -> true, (s, doc, a) -> {
            // A candidate voted on (at this session, or earlier in the year) stays on the agenda, whatever its outcome now:
            // a passed ballot made it eligible, a failed one may have made it not eligible, and it may be voted on again.
            String key = key(s.id(), a.award());
            Ballot ballot = recorded.get(key);
            SessionBallot before = earlier.get(key);
            item(ruleSet, session, organisation, s, a, ballot != null || before != null, () -> settledCriteria(ruleSet, doc, a), List.of())
                    .ifPresent(item -> items.add(new AgendaItem(item.subjectId(), item.name(), item.person(), item.unit(), item.award(),
                            item.awardName(), item.outcome(), item.waiting(), item.otherOpen(), item.ballotRequired(), item.threshold(),
                            ballot, before, item.settles())));
        });
        List<String> order = List.copyOf(ruleSet.awards().keySet());
        items.sort(Comparator.comparing((AgendaItem it) -> order.indexOf(it.award()))
                .thenComparing(AgendaItem::person)
                .thenComparing(it -> Objects.toString(it.unit(), ""))
                .thenComparing(it -> Objects.toString(it.name(), ""))
                .thenComparing(AgendaItem::subjectId));
        return new Agenda(session, council, asOf(session.year()), ruleSet.version(), List.copyOf(items));
    }

    /**
     * The candidates a ballot asks for, each decided as the agenda decides it — within the council's unit,
     * together with the others of its kind for every award, so that a cap among them gives the same
     * outcome here as on the agenda — with the criteria waiting now and the attestations a passed ballot
     * writes. A candidate voted on earlier in the year ({@code earlier}) may be voted on again whatever
     * its outcome. Refused (422 naming the asked field) when the subject is not of the council's unit or
     * is not on the agenda for the award.
     */
    public List<AgendaItem> candidates(RuleSet ruleSet, CouncilSession session, Council council, List<Asked> asked,
                                       Map<String, SessionBallot> earlier) {
        Map<String, Asked> byKey = new LinkedHashMap<>();
        for (Asked a : asked) {
            if (!directory.subjectWithin(a.subject().id(), Set.of(council.unit()))) {
                throw CouncilRefused.unprocessable(a.field(), "councils.error.notOfUnit", a.subject().id(), council.unit());
            }
            byKey.put(key(a.subject().id(), a.award()), a);
        }
        Organisation organisation = organisationOf(council);
        Map<String, AgendaItem> found = new HashMap<>();
        Map<String, Outcome> outcomes = new HashMap<>();
        evaluate(ruleSet, session, council, byKey::containsKey, (s, doc, a) -> {
            String key = key(s.id(), a.award());
            outcomes.put(key, a.outcome());
            boolean voted = earlier.containsKey(key);
            AttestationProbe.Settled settled = a.outcome() == Outcome.NEEDS_REVIEW || voted
                    ? AttestationProbe.of(rules.evaluator(), ruleSet, doc, a) : AttestationProbe.Settled.NONE;
            item(ruleSet, session, organisation, s, a, voted, settled::criteria, settled.codes()).ifPresent(it -> found.put(key, it));
        });
        List<AgendaItem> out = new ArrayList<>();
        for (Map.Entry<String, Asked> e : byKey.entrySet()) {
            AgendaItem it = found.get(e.getKey());
            Asked a = e.getValue();
            if (it == null) {
                Outcome o = outcomes.get(e.getKey());
                throw CouncilRefused.unprocessable(a.field(), "councils.error.notOnAgenda", a.subject().id(), a.award(),
                        o == null ? "—" : o.name());
            }
            out.add(it);
        }
        return out;
    }

    /** What is done with each candidate and award the evaluation kept. */
    private interface Visit {
        void accept(Subject subject, CaseDocument doc, AwardResult result);
    }

    /**
     * The council's unit and subunits for the session's year on the appraisal date: the units decided
     * together for every unit award, the persons for every person award (caps among them), within the
     * request's deadline (422 past it, 422 for a unit larger than a query may evaluate); {@code keep}
     * chooses by "subject|award" the results visited.
     */
    private void evaluate(RuleSet ruleSet, CouncilSession session, Council council, java.util.function.Predicate<String> keep, Visit visit) {
        LocalDate asOf = asOf(session.year());
        List<String> units = directory.subtree(council.unit());
        Set<String> persons = new TreeSet<>();
        for (String u : units) persons.addAll(facts.membersOf(u, session.year()));
        try {
            limits.checkSubjects("session", persons.size() + units.size());
        } catch (ProblemException e) {
            throw CouncilRefused.unprocessable("session", "councils.error.tooManySubjects", persons.size() + units.size());
        }
        try {
            evaluate(ruleSet, session, council, keep, visit, asOf, units, persons);
        } catch (ProblemException e) {
            // The only problem an evaluation raises here is the request's deadline: said in the caller's language.
            throw CouncilRefused.unprocessable("session", "councils.error.deadline");
        }
    }

    private void evaluate(RuleSet ruleSet, CouncilSession session, Council council, java.util.function.Predicate<String> keep, Visit visit,
                          LocalDate asOf, List<String> units, Set<String> persons) {
        List<String> personAwards = awards(ruleSet, SubjectKind.PERSON);
        List<String> unitAwards = awards(ruleSet, SubjectKind.COLLECTIVE);
        UnitEvaluator evaluator = new UnitEvaluator(rules.evaluator()).inParallel();
        RequestLimits.Deadline deadline = limits.deadline();
        for (var group : List.of(Map.entry(List.copyOf(units), unitAwards), Map.entry(List.copyOf(persons), personAwards))) {
            if (group.getKey().isEmpty() || group.getValue().isEmpty()) continue;
            UnitCase together = cases.together(council.unit(), group.getKey(), session.year(), asOf, group.getValue());
            UnitAnswer answer = evaluator.evaluate(ruleSet, together, id -> deadline.check("session"));
            for (int i = 0; i < answer.members().size(); i++) {
                CaseDocument doc = together.members().get(i);
                Subject s = doc.subject();
                for (AwardResult a : answer.members().get(i).results()) {
                    if (!group.getValue().contains(a.award()) || !keep.test(key(s.id(), a.award()))) continue;
                    deadline.check("session");
                    visit.accept(s, doc, a);
                }
            }
        }
    }

    static String key(String subject, String award) {
        return subject + "|" + award;
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
        Set<String> settled = a.outcome() == Outcome.NEEDS_REVIEW || voted ? settledByJudgment.get() : Set.of();
        for (CriterionOutcome c : a.criteria()) {
            if (c.status() != Status.NEEDS_REVIEW) continue;
            (settled.contains(c.criterion()) ? waiting : other).add(c);
        }
        Threshold threshold = Threshold.of(ruleSet, a.award(), session.heldOn(), organisation);
        return Optional.of(new AgendaItem(s.id(), s.name(), s.kind() == SubjectKind.PERSON, s.unit(), a.award(), a.name(), a.outcome(),
                List.copyOf(waiting), List.copyOf(other), required, threshold, null, null, settles));
    }

    private static List<String> awards(RuleSet ruleSet, SubjectKind kind) {
        return ruleSet.awards().values().stream().filter(d -> d.appliesTo(kind)).map(AwardDefinition::code).toList();
    }
}
