package vn.laurel.api.proposals;

import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import vn.laurel.api.councils.BallotLookup;
import vn.laurel.api.councils.Threshold;
import vn.laurel.api.decisions.DecisionBasis;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.limits.RequestLimits;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.store.Now;
import vn.laurel.api.store.FactKind;
import vn.laurel.api.store.FactKinds;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.store.FactTables;
import vn.laurel.api.store.FactWriter;
import vn.laurel.api.store.StoredCases;
import vn.laurel.api.store.StoredFact;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.model.CaseDocument;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.Subject;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.unit.UnitAnswer;
import vn.laurel.engine.unit.UnitCase;
import vn.laurel.engine.unit.UnitEvaluator;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Clock;
import java.time.LocalDate;
import java.util.*;

/**
 * Proposal lists: prepared for a competent authority and a year from the stored facts (every subject of the
 * unit's subtree evaluated for the awards routed to that authority, quotas applied as in the candidates list;
 * only ELIGIBLE candidates, and for an award that needs a council ballot only those whose latest ballot
 * passed), each proposed subject's answer saved as a decision; and the authority's decision recorded back as
 * title or commendation facts, so that the next year's history counts them.
 */
@Singleton
public class ProposalService {
    public static final int MAX_DECISION_NO = 100;
    public static final int MAX_ROWS_ASKED = 10_000;
    /** Dates as an official writes them (dd/MM/yyyy), in texts meant to be read. */
    public static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** The parameters of the councils' thresholds (rules/parameters/council-vote.yaml): an award's own is this and its code. */
    static final String VOTE_SHARE = "council.vote_share.";

    private final RuleSetHolder rules;
    private final FactStore facts;
    private final StoredCases cases;
    private final UnitDirectory directory;
    private final EligibilityService eligibility;
    private final RequestLimits limits;
    private final Authorities authorities;
    private final ProposalStore store;
    private final BeanProvider<BallotLookup> ballots;
    private final ValueTexts values;
    private final FactWriter writer;
    private final ProposalViews views;
    private final BeanProvider<vn.laurel.api.councils.CouncilStore> councils;
    private final Clock clock = Clock.systemDefaultZone();

    public ProposalService(RuleSetHolder rules, FactStore facts, StoredCases cases, UnitDirectory directory, EligibilityService eligibility,
                           RequestLimits limits, Authorities authorities, ProposalStore store, BeanProvider<BallotLookup> ballots,
                           ValueTexts values, FactWriter writer, ProposalViews views,
                           BeanProvider<vn.laurel.api.councils.CouncilStore> councils) {
        this.rules = rules;
        this.facts = facts;
        this.cases = cases;
        this.directory = directory;
        this.eligibility = eligibility;
        this.limits = limits;
        this.authorities = authorities;
        this.store = store;
        this.ballots = ballots;
        this.values = values;
        this.writer = writer;
        this.views = views;
        this.councils = councils;
    }

    /** Where a list is drawn from: the unit, its organisation, and the unit's subtree. */
    public record Scope(String unit, Organisation organisation, List<String> units) {}

    /** The unit a list for {@code authority} covers when none is asked: the authority's own organisation, else the top of the tree. */
    public Scope scope(Authority authority, String unit) {
        Map<String, UnitDirectory.Unit> all = directory.all();
        String u = unit != null ? unit : authority != null && authority.unit() != null ? authority.unit()
                : UnitDirectory.top(all.values()).orElse(null);
        if (u == null || !all.containsKey(u)) throw new ProposalRefused(HttpStatus.NOT_FOUND, "unit", "proposals.error.unit", u == null ? "" : u);
        String root = u;
        for (int depth = 0; depth < 64 && all.get(root).parentCode() != null && all.containsKey(all.get(root).parentCode()); depth++) {
            root = all.get(root).parentCode();
        }
        if (authority != null && authority.unit() != null && !authority.unit().equals(root)) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "unit", "proposals.error.unitOutside", u, authority.code());
        }
        String top = root;
        Organisation organisation = facts.subject(u).map(facts::organisationOf).orElse(new Organisation(top, null));
        return new Scope(u, organisation, directory.subtree(u));
    }

    /** Prepares and keeps a new list; returns it as stored. */
    public ProposalList prepare(int year, LocalDate asOf, String authorityCode, String unit, String user) {
        Authority authority = Authority.parse(authorityCode)
                .orElseThrow(() -> new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "authority", "proposals.error.authority",
                        authorityCode == null ? "" : authorityCode));
        Scope scope = scope(authority, unit);
        RuleSet ruleSet = rules.current();
        List<String> personAwards = authorities.awardsOf(ruleSet, authority, SubjectKind.PERSON, asOf, scope.organisation());
        List<String> unitAwards = authorities.awardsOf(ruleSet, authority, SubjectKind.COLLECTIVE, asOf, scope.organisation());
        if (personAwards.isEmpty() && unitAwards.isEmpty()) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "authority", "proposals.error.noAwards", authority.code(), asOf);
        }
        // Taken before the facts are read: each saved decision's record keeps it, and is read again as known then.
        Instant knownAt = Now.instant();
        Set<String> persons = new TreeSet<>();
        if (!personAwards.isEmpty()) scope.units().forEach(u -> persons.addAll(facts.membersOf(u, year)));
        limits.checkSubjects("unit", persons.size() + scope.units().size());
        RequestLimits.Deadline deadline = limits.deadline();
        BallotLookup lookup = ballots.get();
        Map<String, UnitDirectory.Unit> names = directory.all();

        // Everything is evaluated first; only then are the decisions and the list written, so that a deadline
        // or a refusal partway leaves nothing behind (no saved decision that no list points to).
        List<Evaluated> evaluated = new ArrayList<>();
        List<ProposalList.Withheld> withheld = new ArrayList<>();
        limits.wide(() -> {
            if (!personAwards.isEmpty()) {
                collect(ruleSet, scope, persons, year, asOf, personAwards, lookup, names, evaluated, withheld, deadline);
            }
            if (!unitAwards.isEmpty()) {
                collect(ruleSet, scope, scope.units(), year, asOf, unitAwards, lookup, names, evaluated, withheld, deadline);
            }
            return null;
        });
        List<ProposalList.Row> rows = new ArrayList<>();
        for (Evaluated e : evaluated) {
            if (e.rows().isEmpty()) continue;
            // The answer the rows rest on, kept in the audit chain: each row links to it.
            long decision = eligibility.save(e.doc(), e.result(), DecisionBasis.STORED_FACTS, user, knownAt);
            for (ProposalList.Row r : e.rows()) rows.add(r.numbered(r.no(), decision));
        }
        rows.sort(ProposalOrder.rows(ruleSet));
        List<ProposalList.Row> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) numbered.add(rows.get(i).numbered(i + 1, rows.get(i).decisionId()));
        withheld.sort(ProposalOrder.withheld(ruleSet));
        List<ProposalList.Withheld> withheldNumbered = new ArrayList<>();
        for (int i = 0; i < withheld.size(); i++) withheldNumbered.add(withheld.get(i).numbered(i + 1));
        long id = store.create(new ProposalStore.NewList(year, authority.code(), scope.unit(), asOf, ruleSet.version(), user,
                evaluated.size(), withheld.size()), numbered, withheldNumbered);
        return store.find(id).orElseThrow();
    }

    /** One subject evaluated: its case, its answer, and the rows it gives (none when nothing is proposed). */
    private record Evaluated(CaseDocument doc, EvaluationResult result, List<ProposalList.Row> rows) {}

    /** Subjects decided together (a cap ranks them together); the eligible ones with their ballot become rows. */
    private void collect(RuleSet ruleSet, Scope scope, Collection<String> ids, int year, LocalDate asOf, List<String> awards,
                         BallotLookup lookup, Map<String, UnitDirectory.Unit> names, List<Evaluated> evaluated,
                         List<ProposalList.Withheld> withheld, RequestLimits.Deadline deadline) {
        UnitCase together = cases.together(scope.unit(), ids, year, asOf, awards);
        UnitAnswer answer = new UnitEvaluator(rules.evaluator()).inParallel().evaluate(ruleSet, together, id -> deadline.check("unit"));
        for (int i = 0; i < answer.members().size(); i++) {
            CaseDocument doc = together.members().get(i);
            EvaluationResult result = answer.members().get(i);
            Subject s = doc.subject();
            List<ProposalList.Row> own = new ArrayList<>();
            boolean collective = s.kind() == SubjectKind.COLLECTIVE;
            UnitDirectory.Unit own_ = names.get(collective ? s.id() : s.unit());
            String place = collective ? (own_ == null || own_.parentCode() == null ? null : nameOf(names, own_.parentCode()))
                    : nameOf(names, s.unit());
            for (String award : awards) {
                AwardResult r = result.results().stream().filter(x -> x.award().equals(award)).findFirst().orElse(null);
                if (r == null || r.outcome() != Outcome.ELIGIBLE) continue;
                Optional<BallotLookup.BallotResult> ballot = lookup.latest(s.id(), award, year);
                BigDecimal required = ballot.map(BallotLookup.BallotResult::required).orElse(null);
                Boolean strict = ballot.map(BallotLookup.BallotResult::strictlyMore).orElse(null);
                if (lookup.required(ruleSet, award, asOf, scope.organisation())) {
                    Threshold threshold = Threshold.of(ruleSet, award, asOf, scope.organisation());
                    String reason = withholding(award, ballot.orElse(null), threshold);
                    if (reason != null) {
                        BallotLookup.BallotResult b = ballot.orElse(null);
                        // A ballot judged against another threshold is shown with that threshold; one below the
                        // threshold in force on the appraisal date, with the threshold it falls short of.
                        boolean ownOfBallot = !"BELOW_THRESHOLD".equals(reason);
                        withheld.add(new ProposalList.Withheld(0, s.id(), s.kind().name(), s.name(), place, award, reason,
                                b == null ? null : b.ballotId(), b == null ? null : b.share(),
                                b == null ? null : ownOfBallot ? b.required() : threshold.share(),
                                b == null ? null : ownOfBallot ? b.strictlyMore() : threshold.strictlyMore(),
                                b == null ? null : b.thresholdParameter()));
                        continue;
                    }
                    // Shown against the threshold the list judged it by: the one in force on the appraisal date.
                    required = threshold.share();
                    strict = threshold.strictlyMore();
                }
                String category = ruleSet.award(award).map(a -> a.category()).orElse("COMMENDATION");
                own.add(new ProposalList.Row(0, s.id(), s.kind().name(), s.name(), s.unit(), place, award, category,
                        DecidingFacts.line(r, values, "vi"), DecidingFacts.line(r, values, "en"),
                        ballot.map(BallotLookup.BallotResult::ballotId).orElse(null), ballot.map(BallotLookup.BallotResult::share).orElse(null),
                        required, strict, 0L, null, ballot.map(b -> councilName(b.council())).orElse(null)));
            }
            evaluated.add(new Evaluated(doc, result, own));
        }
    }

    /**
     * Why an award that needs a ballot cannot be proposed on {@code ballot}, or null when it can: there must be
     * a passed ballot judged against the award's own threshold (not the default a session held before that
     * threshold came into force applied), and its votes must also reach the threshold in force on the list's
     * appraisal date ({@code threshold}).
     */
    static String withholding(String award, BallotLookup.BallotResult ballot, Threshold threshold) {
        if (ballot == null) return "NO_BALLOT";
        if (!ballot.passed()) return "BALLOT_FAILED";
        if (!(VOTE_SHARE + award).equals(ballot.thresholdParameter())) return "OTHER_THRESHOLD";
        if (!threshold.passes(ballot.inFavour(), ballot.members())) return "BELOW_THRESHOLD";
        return null;
    }

    /**
     * What a conferment writes for an award of {@code category}: "TITLE" for an emulation title, else the
     * commendation's kind. Campaign (thematic) awards are THEMATIC commendations, which do not count towards higher
     * awards (catalogue, general principle 5); other commendations are MERIT. Null for a category the list does not
     * handle.
     */
    static String factOf(String category) {
        if (category == null) return null;
        return switch (category) {
            case "EMULATION_TITLE" -> "TITLE";
            case "COMMENDATION" -> "MERIT";
            case "CAMPAIGN" -> "THEMATIC";
            default -> null;
        };
    }

    /** The council's name as the list is prepared (its code when the directory of councils no longer has it). */
    private String councilName(String code) {
        if (code == null) return null;
        return councils.get().council(code).map(vn.laurel.api.councils.Council::name).orElse(code);
    }

    private static String nameOf(Map<String, UnitDirectory.Unit> names, String code) {
        UnitDirectory.Unit u = code == null ? null : names.get(code);
        return u == null ? code : u.name();
    }

    public Optional<ProposalList> find(long id) {
        return store.find(id);
    }

    public List<ProposalList> latest(int year, String authority) {
        return store.latest(year, authority);
    }

    public List<ProposalList> all(int year) {
        return store.all(year);
    }

    /**
     * Records the authority's decision {@code decisionNo} of {@code decidedOn} on {@code rows} of list {@code id}
     * (null or empty: every row not yet conferred): each row becomes a title (emulation titles) or a
     * commendation (kind MERIT; THEMATIC for a campaign award) of its subject for the list's year, its source naming the list and the decision;
     * in one transaction with the conferment. Returns the list as it now stands.
     */
    public ProposalList confer(long id, String decisionNo, LocalDate decidedOn, List<Integer> rows, String user) {
        ProposalList list = store.find(id).orElseThrow(() -> new ProposalRefused(HttpStatus.NOT_FOUND, "id", "proposals.error.list", id));
        if (decisionNo == null || decisionNo.isBlank()) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decisionNo", "proposals.error.decisionNo");
        }
        String number = decisionNo.strip();
        if (number.length() > MAX_DECISION_NO) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decisionNo", "proposals.error.decisionNoLong", MAX_DECISION_NO);
        }
        if (decidedOn == null) throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decidedOn", "proposals.error.decidedOn");
        if (decidedOn.getYear() < list.year()) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decidedOn", "proposals.error.decidedOnEarly", list.year());
        }
        // A decision follows the list it answers: one dated before the list's appraisal date (the day the list is
        // prepared as of) is a typing slip, e.g. a date inside the achievement year.
        if (decidedOn.isBefore(list.asOf())) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decidedOn", "proposals.error.decidedOnBeforeList",
                    DATE.format(list.asOf()));
        }
        // One decision has one date: the same number recorded again on this list with another date is a slip in one of them.
        for (ProposalList.Conferment c : list.conferments()) {
            if (c.decisionNo().strip().equalsIgnoreCase(number) && !c.decidedOn().equals(decidedOn)) {
                throw new ProposalRefused(HttpStatus.CONFLICT, "decisionNo", "proposals.error.decisionNoDate", number,
                        DATE.format(c.decidedOn()), DATE.format(decidedOn));
            }
        }
        // A decision is recorded once it is signed: a date after tomorrow (a day's grace for time zones) is a typing slip.
        LocalDate latest = LocalDate.now(clock).plusDays(1);
        if (decidedOn.isAfter(latest)) {
            throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "decidedOn", "proposals.error.decidedOnLate", latest);
        }
        Set<Integer> known = new HashSet<>();
        list.rows().forEach(r -> known.add(r.no()));
        List<Integer> asked = new ArrayList<>();
        if (rows == null || rows.isEmpty()) {
            list.rows().stream().filter(r -> r.conferment() == null).forEach(r -> asked.add(r.no()));
            if (asked.isEmpty()) throw new ProposalRefused(HttpStatus.CONFLICT, "rows", "proposals.error.nothingLeft");
        } else {
            if (rows.size() > MAX_ROWS_ASKED) throw new ProposalRefused(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "rows", "proposals.error.tooManyRows", MAX_ROWS_ASKED);
            for (int i = 0; i < rows.size(); i++) {
                Integer no = rows.get(i);
                if (no == null || !known.contains(no)) throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "rows[" + i + "]", "proposals.error.row", no);
                if (!asked.contains(no)) asked.add(no);
            }
        }
        RuleSet ruleSet = rules.current();
        // A row whose award is of a category the list does not know how to record is refused before anything is written.
        for (ProposalList.Row row : list.rows()) {
            if (asked.contains(row.no()) && factOf(row.category()) == null) {
                throw new ProposalRefused(HttpStatus.UNPROCESSABLE_ENTITY, "rows", "proposals.error.category", row.no(), row.award(), row.category());
            }
        }
        // Stored once, in the product's first language (Vietnamese), as an official writes it: read on the person's
        // timeline and in every answer's evidence.
        String source = "danh sách đề nghị số " + list.id() + " (" + views.authorityName(list.authority(), "vi") + ", năm " + list.year()
                + "), quyết định " + number + " ngày " + DATE.format(decidedOn) + ", dòng ";
        try {
            store.confer(id, number, decidedOn, asked, user, (c, row) -> {
                boolean title = "EMULATION_TITLE".equals(row.category());
                FactKind kind = title ? FactKinds.TITLES : FactKinds.COMMENDATIONS;
                Map<String, Object> key = new HashMap<>();
                key.put("subject_id", row.subjectId());
                key.put("achievement_year", list.year());
                key.put("code", row.award());
                if (!title) key.put("kind", factOf(row.category()));
                // The same title or commendation already recorded (imported, or entered by hand) under another
                // decision, or revoked: conferring would replace it and undo the revocation. Refused, row named.
                Optional<StoredFact> existing = FactTables.currentByKey(c, kind, key);
                if (existing.isPresent()) {
                    Object revoked = existing.get().values().get("revoked");
                    Object no = existing.get().values().get("decision_no");
                    if (Boolean.TRUE.equals(revoked)) {
                        throw new ProposalRefused(HttpStatus.CONFLICT, "rows", "proposals.error.existingRevoked", row.no(),
                                existing.get().factId(kind));
                    }
                    if (no != null && !String.valueOf(no).isBlank() && !number.equals(String.valueOf(no).strip())) {
                        throw new ProposalRefused(HttpStatus.CONFLICT, "rows", "proposals.error.existingOther", row.no(),
                                existing.get().factId(kind), no);
                    }
                }
                Map<String, Object> body = new HashMap<>();
                body.put(kind.column("achievement_year").json(), list.year());
                body.put(kind.column("code").json(), row.award());
                body.put(kind.column("decision_no").json(), number);
                body.put(kind.column("decided_on").json(), decidedOn.toString());
                if (!title) body.put(kind.column("kind").json(), factOf(row.category()));
                body.put(kind.column("subject_id").json(), row.subjectId());
                // The source ends with the row's number ("…, dòng 5"): the writer appends it.
                FactWriter.Written w = writer.write(c, kind, body, ruleSet, source, row.no(), user);
                return new ProposalStore.Written(kind.name(), w.fact().id());
            });
        } catch (ProposalStore.AlreadyConferred e) {
            throw new ProposalRefused(HttpStatus.CONFLICT, "rows", "proposals.error.conferred",
                    e.rows.isEmpty() ? asked.toString() : e.rows.toString());
        }
        return store.find(id).orElseThrow();
    }
}
