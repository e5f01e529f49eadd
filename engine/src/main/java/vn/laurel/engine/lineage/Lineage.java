package vn.laurel.engine.lineage;

import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.Function;

/**
 * A collective's history across its predecessors: the units merged into it, the unit it split from, the same unit
 * under an earlier name. Which predecessors' facts count before each merger or split is a policy
 * ({@link LineagePolicy}, a dated parameter per award); a renamed predecessor always counts in full.
 *
 * <p>The predecessors are taken in the order of their events. At each merger or split on day D (year E), the
 * history before E becomes, by policy:
 * <ul>
 *   <li>RECEIVING_UNIT — the unit's own so far, plus that of each predecessor it continues ({@code continues: true});</li>
 *   <li>LARGEST_PREDECESSOR — that of the predecessor with the most members (ties: the first listed), plus the
 *       unit's own so far when that predecessor is the one it continues. A unit that received the others (listed
 *       with no entry of its own) competes with its member figures of the year before. The pick needs every
 *       candidate's size: when one is not recorded (a predecessor without {@code members}, or a receiving unit
 *       without member figures for the year before — the usual case for stored units), nothing is picked on partial
 *       figures and the step is taken as under RECEIVING_UNIT: the receiving unit's own history continues (with that
 *       of the predecessor it continues, if any), and the answer's note says the sizes were not all known;</li>
 *   <li>NONE — nothing.</li>
 * </ul>
 * Only the events of the question's time count: a predecessor whose event is dated after the appraisal date
 * ({@code asOf}) is ignored, at every level, so a merger recorded later never reshapes the history a 2024 question
 * is answered on.
 * The facts of years E and later are the unit's own: a predecessor's facts from E on are never inherited (a parent
 * split from goes on in its own right). A predecessor's own history is resolved the same way first (nested
 * predecessors, at most {@value #MAX_DEPTH} levels). Only facts kept by year are inherited — ratings, titles,
 * commendations, initiatives, attestations, member figures, cluster rankings, campaign results — each keeping its
 * id and source, so the evidence of an answer shows where it came from; where the unit and a predecessor both have
 * a rating (or member figures) for a year, the unit's own counts. Dated facts (disciplines, pending matters) and
 * members listed one by one are the unit's own: the members' service continues across the merger on their own record.
 */
public final class Lineage {
    /** How deep predecessors of predecessors are followed (the case format refuses deeper). */
    public static final int MAX_DEPTH = 5;

    private static final DateTimeFormatter VI_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private Lineage() {}

    /**
     * What a policy made of a subject's history: the subject with the facts it inherits merged into its own, and the
     * steps taken (which predecessors were used at which event), for the note each answer carries.
     */
    public record Result(Subject subject, LineagePolicy policy, List<Step> steps) {}

    /**
     * One event of the lineage: on {@code on}, {@code relation} (RENAMED, MERGED_INTO, SPLIT_FROM); the predecessors
     * whose history was {@code used}, those {@code left} out, whether the unit's own history before it was kept, and
     * the predecessors through which this event was reached ({@code via}, empty for the unit's own predecessors).
     *
     * @param ownLargest under LARGEST_PREDECESSOR, the unit itself (a receiving unit listed with no entry of its own)
     *                   was the largest: {@code ownMembers} its members the year before
     * @param sizesUnknown under LARGEST_PREDECESSOR, the sizes needed to pick the largest were not all recorded: the
     *                   receiving unit's own history was kept (with that of the predecessor it continues, {@code used})
     */
    public record Step(UnitEventKind relation, LocalDate on, List<Predecessor> used, List<Predecessor> left,
                       boolean ownKept, boolean ownLargest, Integer ownMembers, boolean sizesUnknown, List<Predecessor> via) {
        Step(UnitEventKind relation, LocalDate on, List<Predecessor> used, List<Predecessor> left, boolean ownKept,
             List<Predecessor> via) {
            this(relation, on, used, left, ownKept, false, null, false, via);
        }
    }

    /** Whether the subject has predecessors whose history a policy may merge in (whatever their dates). */
    public static boolean applies(Subject subject) {
        return applies(subject, null);
    }

    /**
     * Whether the subject has predecessors whose history a policy may merge in, for a question appraised on
     * {@code asOf}: one whose event is dated on or before that day (null: any).
     */
    public static boolean applies(Subject subject, LocalDate asOf) {
        return subject != null && subject.predecessors().stream().anyMatch(p -> happened(p, asOf));
    }

    /** The subject's history under the policy, every predecessor counted whatever its date. */
    public static Result resolve(Subject subject, LineagePolicy policy) {
        return resolve(subject, policy, null);
    }

    /**
     * The subject's history under the policy for a question appraised on {@code asOf}: predecessors whose event is
     * dated after it are ignored, at every level (null: none is).
     */
    public static Result resolve(Subject subject, LineagePolicy policy, LocalDate asOf) {
        List<Step> steps = new ArrayList<>();
        Facts merged = resolve(subject, policy, asOf, 0, List.of(), steps, new HashSet<>());
        return new Result(merged.toSubject(subject), policy, List.copyOf(steps));
    }

    /** Whether a predecessor's event had happened by the appraisal date (null: any date counts). */
    private static boolean happened(Predecessor p, LocalDate asOf) {
        return p != null && p.on() != null && (asOf == null || !p.on().isAfter(asOf));
    }

    private static Facts resolve(Subject subject, LineagePolicy policy, LocalDate asOf, int depth, List<Predecessor> via,
                                 List<Step> steps, Set<String> seen) {
        Facts own = Facts.of(subject);
        if (depth >= MAX_DEPTH || subject.id() != null && !seen.add(subject.id())) return own; // the format refuses both
        // Events in date order; at one date, the predecessors as listed.
        TreeMap<LocalDate, List<Predecessor>> byDate = new TreeMap<>();
        for (Predecessor p : subject.predecessors()) {
            if (!happened(p, asOf) || p.unit() == null || p.relation() == null) continue;
            byDate.computeIfAbsent(p.on(), d -> new ArrayList<>()).add(p);
        }
        for (Map.Entry<LocalDate, List<Predecessor>> at : byDate.entrySet()) {
            LocalDate on = at.getKey();
            int year = on.getYear();
            List<Predecessor> changes = new ArrayList<>();
            for (Predecessor p : at.getValue()) {
                if (p.relation() == UnitEventKind.RENAMED) {
                    // The same unit under its earlier name: its history is the unit's own, whatever the policy.
                    List<Step> nested = new ArrayList<>();
                    own = own.after(resolve(p.unit(), policy, asOf, depth + 1, with(via, p), nested, seen));
                    steps.add(new Step(UnitEventKind.RENAMED, on, List.of(p), List.of(), true, via));
                    steps.addAll(nested);
                } else {
                    changes.add(p);
                }
            }
            if (changes.isEmpty()) continue;
            UnitEventKind relation = changes.get(0).relation();
            List<Step> nested = new ArrayList<>();
            switch (policy) {
                case NONE -> {
                    own = own.from(year);
                    steps.add(new Step(relation, on, List.of(), changes, false, via));
                }
                case RECEIVING_UNIT -> {
                    List<Predecessor> continued = changes.stream().filter(p -> Boolean.TRUE.equals(p.continues())).toList();
                    Facts inherited = Facts.EMPTY;
                    for (Predecessor p : continued) {
                        inherited = inherited.plus(resolve(p.unit(), policy, asOf, depth + 1, with(via, p), nested, seen).before(year));
                    }
                    own = own.after(inherited);
                    steps.add(new Step(relation, on, continued, without(changes, continued), true, via));
                }
                case LARGEST_PREDECESSOR -> {
                    // A receiving unit recorded as the subject itself (no entry continues) is a candidate too,
                    // listed first, with its members of the year before the event.
                    boolean ownCandidate = receivedOthers(subject, own, changes, on);
                    Integer ownMembers = ownCandidate ? membersIn(own, year - 1) : null;
                    if (ownCandidate && ownMembers == null || changes.stream().anyMatch(p -> p.members() == null)) {
                        // Not every size is known: no pick on partial figures. The receiving unit continues, as
                        // under RECEIVING_UNIT (its own history, and that of the predecessor it continues).
                        List<Predecessor> continued = changes.stream().filter(p -> Boolean.TRUE.equals(p.continues())).toList();
                        Facts inherited = Facts.EMPTY;
                        for (Predecessor p : continued) {
                            inherited = inherited.plus(resolve(p.unit(), policy, asOf, depth + 1, with(via, p), nested, seen).before(year));
                        }
                        own = own.after(inherited);
                        steps.add(new Step(relation, on, continued, without(changes, continued), true, false, ownMembers, true, via));
                        break;
                    }
                    Predecessor largest = largest(changes);
                    if (ownCandidate && ownMembers >= members(largest)) {
                        steps.add(new Step(relation, on, List.of(), changes, true, true, ownMembers, false, via));
                        break;
                    }
                    Facts inherited = resolve(largest.unit(), policy, asOf, depth + 1, with(via, largest), nested, seen).before(year);
                    boolean continues = Boolean.TRUE.equals(largest.continues());
                    own = (continues ? own : own.from(year)).after(inherited);
                    steps.add(new Step(relation, on, List.of(largest), without(changes, List.of(largest)), continues, via));
                }
            }
            steps.addAll(nested);
        }
        if (subject.id() != null) seen.remove(subject.id());
        return own;
    }

    /**
     * Whether the unit itself received the predecessors of an event: none of them is the unit it continues, and it
     * existed before (founded before the day, or, without a founding day, it has facts of its own before the year).
     */
    private static boolean receivedOthers(Subject subject, Facts own, List<Predecessor> changes, LocalDate on) {
        if (changes.stream().anyMatch(p -> Boolean.TRUE.equals(p.continues()))) return false;
        if (subject.establishedOn() != null) return subject.establishedOn().isBefore(on);
        return !own.before(on.getYear()).isEmpty();
    }

    /** The members the unit's figures give for a year, or null. */
    private static Integer membersIn(Facts facts, int year) {
        Integer members = null;
        for (MemberAggregateFact a : facts.memberAggregates()) {
            if (a.year() != null && a.year() == year && a.members() != null) members = a.members();
        }
        return members;
    }

    /**
     * The predecessor with the most members; unknown counts as fewer than any; a tie goes to the first listed.
     * ({@code resolve} never picks with a size unknown: it keeps the receiving unit's history instead.)
     */
    static Predecessor largest(List<Predecessor> candidates) {
        Predecessor best = null;
        for (Predecessor p : candidates) {
            if (best == null || members(p) > members(best)) best = p;
        }
        return best;
    }

    private static int members(Predecessor p) {
        return p.members() == null ? -1 : p.members();
    }

    private static List<Predecessor> with(List<Predecessor> via, Predecessor p) {
        List<Predecessor> out = new ArrayList<>(via);
        out.add(p);
        return List.copyOf(out);
    }

    private static List<Predecessor> without(List<Predecessor> all, List<Predecessor> some) {
        return all.stream().filter(p -> !some.contains(p)).toList();
    }

    // ---------------------------------------------------------------- the note

    /**
     * The note an award's answer carries: which predecessors' history it used at each event, and the parameter that
     * chose the policy ("Lịch sử trước 01/07/2025 lấy từ đơn vị tiền thân U-HANG-BAC (Phường Hàng Bạc, 42 người) …
     * — tham số advanced_labor_collective.predecessor_history = LARGEST_PREDECESSOR").
     */
    public static Localized note(Result result, String parameter) {
        List<Localized> parts = new ArrayList<>();
        for (Step s : result.steps()) parts.add(step(s));
        Localized steps = join(parts, "; ");
        return Explainer.labelEach("lineage.note", steps, parameter, result.policy().name());
    }

    /** The note of an award whose policy parameter has no value in force: no predecessor's history was used. */
    public static Localized noPolicyNote(Subject subject, String parameter) {
        return noPolicyNote(subject, parameter, null);
    }

    /** As above, naming only the predecessors whose event is dated on or before {@code asOf} (null: all). */
    public static Localized noPolicyNote(Subject subject, String parameter, LocalDate asOf) {
        List<Localized> units = subject.predecessors().stream().filter(p -> happened(p, asOf) && p.unit() != null).map(Lineage::unit).toList();
        return Explainer.labelEach("lineage.noParameter", parameter, join(units, ", "));
    }

    private static Localized step(Step s) {
        Localized date = new Localized(s.on().format(VI_DATE), s.on().toString());
        Localized text;
        if (s.relation() == UnitEventKind.RENAMED) {
            text = Explainer.labelEach("lineage.renamed", unit(s.used().get(0)), date);
        } else if (s.sizesUnknown()) {
            Localized unknown = units(concat(s.used(), s.left()));
            text = s.used().isEmpty() ? Explainer.labelEach("lineage.sizesUnknown", unknown, date)
                    : Explainer.labelEach("lineage.sizesUnknownContinued", unknown, date, units(s.used()));
        } else if (s.ownLargest()) {
            Localized size = s.ownMembers() == null ? Explainer.label("lineage.membersUnknown")
                    : Explainer.label("lineage.members", s.ownMembers());
            text = Explainer.labelEach("lineage.ownLargest", units(s.left()), date, size);
        } else if (!s.used().isEmpty()) {
            Localized used = units(s.used());
            text = s.left().isEmpty() ? Explainer.labelEach("lineage.used", used, date)
                    : Explainer.labelEach("lineage.usedOthersLeft", used, date, units(s.left()));
        } else if (s.ownKept()) {
            text = Explainer.labelEach("lineage.ownOnly", units(s.left()), date);
        } else {
            text = Explainer.labelEach("lineage.none", units(s.left()), date);
        }
        if (s.via().isEmpty()) return text;
        return Explainer.labelEach("lineage.via", join(s.via().stream().map(p -> new Localized(p.unit().id(), p.unit().id())).toList(), " → "), text);
    }

    private static List<Predecessor> concat(List<Predecessor> a, List<Predecessor> b) {
        List<Predecessor> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Localized units(List<Predecessor> ps) {
        return join(ps.stream().map(Lineage::unit).toList(), ", ");
    }

    /** "U-HANG-BAC (Phường Hàng Bạc, 42 người)". */
    private static Localized unit(Predecessor p) {
        Subject u = p.unit();
        List<Localized> details = new ArrayList<>();
        if (u.name() != null && !u.name().isBlank()) details.add(new Localized(u.name(), u.name()));
        if (p.members() != null) details.add(Explainer.label("lineage.members", p.members()));
        String id = u.id() == null ? "?" : u.id();
        if (details.isEmpty()) return new Localized(id, id);
        Localized inside = join(details, ", ");
        return new Localized(id + " (" + inside.vi() + ")", id + " (" + inside.en() + ")");
    }

    private static Localized join(List<Localized> parts, String separator) {
        StringJoiner vi = new StringJoiner(separator), en = new StringJoiner(separator);
        for (Localized l : parts) { vi.add(l.vi()); en.add(l.en()); }
        return new Localized(vi.toString(), en.toString());
    }

    // ---------------------------------------------------------------- facts by year

    /** The facts kept by year, as merged so far. */
    private record Facts(List<RatingFact> ratings, List<TitleFact> titles, List<CommendationFact> commendations,
                         List<InitiativeFact> initiatives, List<AttestationFact> attestations,
                         List<MemberAggregateFact> memberAggregates, List<ClusterRankingFact> clusterRankings,
                         List<CampaignResultFact> campaignResults) {
        static final Facts EMPTY = new Facts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

        boolean isEmpty() {
            return ratings.isEmpty() && titles.isEmpty() && commendations.isEmpty() && initiatives.isEmpty()
                    && attestations.isEmpty() && memberAggregates.isEmpty() && clusterRankings.isEmpty() && campaignResults.isEmpty();
        }

        static Facts of(Subject s) {
            return new Facts(s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.attestations(),
                    s.memberAggregates(), s.clusterRankings(), s.campaignResults());
        }

        /** The facts of the years before {@code year}. */
        Facts before(int year) {
            return filter(y -> y != null && y < year);
        }

        /** The facts of {@code year} and later (a fact without a year stays: the format refuses it anyway). */
        Facts from(int year) {
            return filter(y -> y == null || y >= year);
        }

        private Facts filter(java.util.function.Predicate<Integer> keep) {
            return new Facts(
                    keep(ratings, RatingFact::year, keep), keep(titles, TitleFact::year, keep),
                    keep(commendations, CommendationFact::year, keep), keep(initiatives, InitiativeFact::year, keep),
                    keep(attestations, AttestationFact::year, keep), keep(memberAggregates, MemberAggregateFact::year, keep),
                    keep(clusterRankings, ClusterRankingFact::year, keep), keep(campaignResults, CampaignResultFact::year, keep));
        }

        private static <T> List<T> keep(List<T> facts, Function<T, Integer> year, java.util.function.Predicate<Integer> keep) {
            return facts.stream().filter(f -> f != null && keep.test(year.apply(f))).toList();
        }

        /** These facts and another unit's, side by side (neither takes precedence: see {@link #after}). */
        Facts plus(Facts other) {
            return new Facts(cat(ratings, other.ratings), cat(titles, other.titles), cat(commendations, other.commendations),
                    cat(initiatives, other.initiatives), cat(attestations, other.attestations),
                    cat(memberAggregates, other.memberAggregates), cat(clusterRankings, other.clusterRankings),
                    cat(campaignResults, other.campaignResults));
        }

        /**
         * The inherited facts first, then these (the unit's own): where both have a rating or member figures for a
         * year, the unit's own stands; for attestations the latest listed wins already.
         */
        Facts after(Facts inherited) {
            Facts all = inherited.plus(this);
            return new Facts(lastByYear(all.ratings, RatingFact::year), all.titles, all.commendations, all.initiatives,
                    all.attestations, lastByYear(all.memberAggregates, MemberAggregateFact::year), all.clusterRankings,
                    all.campaignResults);
        }

        private static <T> List<T> cat(List<T> a, List<T> b) {
            if (b.isEmpty()) return a;
            if (a.isEmpty()) return b;
            List<T> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }

        private static <T> List<T> lastByYear(List<T> facts, Function<T, Integer> year) {
            Map<Integer, T> byYear = new LinkedHashMap<>();
            List<T> noYear = new ArrayList<>();
            for (T f : facts) {
                Integer y = year.apply(f);
                if (y == null) noYear.add(f);
                else { byYear.remove(y); byYear.put(y, f); }
            }
            List<T> out = new ArrayList<>(byYear.values());
            out.addAll(noYear);
            out.sort(Comparator.comparingInt((T f) -> year.apply(f) == null ? Integer.MAX_VALUE : year.apply(f)));
            return out;
        }

        Subject toSubject(Subject s) {
            return s.withYearFacts(ratings, titles, commendations, initiatives, attestations, memberAggregates,
                    clusterRankings, campaignResults);
        }
    }
}
