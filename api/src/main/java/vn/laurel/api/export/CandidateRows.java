package vn.laurel.api.export;

import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.i18n.Messages;
import jakarta.inject.Singleton;
import vn.laurel.api.decisions.CandidatesService;
import vn.laurel.api.pages.Pages;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.evaluation.AwardResult;
import vn.laurel.engine.evaluation.CriterionOutcome;
import vn.laurel.engine.model.Outcome;

import java.text.Collator;
import java.util.*;

/**
 * The candidates of an award as a list to read: filtered by outcome, sorted, and each as a row whose
 * cells are the same on the page, in the CSV file and in the workbook (the API's XLSX included), so
 * that what an official downloads is what the page showed.
 */
@Singleton
public class CandidateRows {
    /** The orders a list may be sorted in: outcome (best first, then quota rank), name, subject id, quota rank. */
    public static final List<String> SORTS = List.of("outcome", "name", "id", "rank");
    private static final List<Outcome> BEST_FIRST = List.of(Outcome.ELIGIBLE, Outcome.ELIGIBLE_SUBJECT_TO_QUOTA, Outcome.NEEDS_REVIEW,
            Outcome.NOT_ELIGIBLE, Outcome.NOT_MODELLED);
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    /** What stands for a regime when there is none to name (a unit with nobody to evaluate). */
    private static final String NO_REGIME = "—";

    private final Messages messages;
    private final ValueTexts values;

    public CandidateRows(Messages messages, ValueTexts values) {
        this.messages = messages;
        this.values = values;
    }

    /** The regime the list was decided under, by its name in the reader's language; a dash when nobody was evaluated. */
    public String regime(String code, String lang) {
        return code == null || code.isBlank() ? NO_REGIME : values.regime(code, lang);
    }

    /**
     * One candidate as read: who, in which unit, the outcome, the place in the quota's ranking, and the
     * criterion that decided it as a sentence in the reader's language.
     */
    public record Row(String subjectId, String name, String unit, String unitName, String outcome, String outcomeText,
                      Integer rank, String deciding) {
        public List<Object> cells() {
            return Arrays.asList(subjectId, name, unitName, outcomeText, rank, deciding);
        }
    }

    /** Those with the outcome (all when null), in the order asked for (one of {@link #SORTS}). */
    public static List<CandidatesService.Candidate> select(List<CandidatesService.Candidate> all, Outcome outcome, String sort) {
        List<CandidatesService.Candidate> rows = new ArrayList<>(all.stream().filter(c -> outcome == null || c.result().outcome() == outcome).toList());
        rows.sort(order(sort));
        return rows;
    }

    /** How many candidates came out with each outcome. */
    public static Map<String, Long> counts(List<CandidatesService.Candidate> all) {
        Map<String, Long> counts = new TreeMap<>();
        all.forEach(c -> counts.merge(c.result().outcome().name(), 1L, Long::sum));
        return counts;
    }

    static Comparator<CandidatesService.Candidate> order(String sort) {
        Comparator<CandidatesService.Candidate> byId = Comparator.comparing(CandidatesService.Candidate::subjectId);
        Comparator<CandidatesService.Candidate> byOutcome = Comparator.comparingInt(c -> BEST_FIRST.indexOf(c.result().outcome()));
        Comparator<CandidatesService.Candidate> byRank = Comparator.comparingInt(c -> c.result().quota() == null ? Integer.MAX_VALUE : c.result().quota().rank());
        return switch (sort) {
            // Vietnamese order: "Đào" after "Dương", "Ánh" beside "Anh", not after "Z" as by code point.
            case "name" -> Comparator.comparing((CandidatesService.Candidate c) -> String.valueOf(c.name()), Collator.getInstance(VIETNAMESE)).thenComparing(byId);
            case "id" -> byId;
            case "rank" -> byRank.thenComparing(byOutcome).thenComparing(byId);
            default -> byOutcome.thenComparing(byRank).thenComparing(byId);
        };
    }

    public Row row(CandidatesService.Candidate c, Map<String, String> unitNames, String lang) {
        AwardResult r = c.result();
        String outcome = r.outcome().name();
        return new Row(c.subjectId(), c.name(), c.unit(), c.unit() == null ? "" : unitNames.getOrDefault(c.unit(), c.unit()), outcome,
                messages.text(lang, "outcome." + outcome), r.quota() == null ? null : r.quota().rank(), deciding(r, lang));
    }

    /**
     * What decided the outcome: the first criterion not met (or, if none, the first needing review), the
     * quota when one ranked the candidate, the note of an award the rules do not model — with the codes
     * in them named, as the person page names them.
     */
    String deciding(AwardResult r, String lang) {
        Status wanted = switch (r.outcome()) {
            case NOT_ELIGIBLE -> Status.NOT_MET;
            case NEEDS_REVIEW -> Status.NEEDS_REVIEW;
            default -> null;
        };
        if (wanted != null) {
            Optional<CriterionOutcome> open = r.criteria().stream().filter(k -> k.status() == wanted).findFirst();
            if (open.isEmpty()) open = r.criteria().stream().filter(k -> k.status() != Status.MET).findFirst();
            if (open.isPresent()) {
                CriterionOutcome k = open.get();
                String text = k.explanation() == null ? null : k.explanation().in(lang);
                return text == null || text.isBlank() ? k.criterion() : values.humanise(text, lang);
            }
        }
        if (r.quota() != null && r.quota().explanation() != null) return values.humanise(r.quota().explanation().in(lang), lang);
        if (r.outcome() == Outcome.NOT_MODELLED) {
            return r.notes() == null || r.notes().isEmpty() ? messages.text(lang, "candidates.notModelled") : values.humanise(r.notes().get(0).in(lang), lang);
        }
        return r.outcome() == Outcome.ELIGIBLE ? messages.text(lang, "candidates.allMet") : "";
    }

    public List<String> header(String lang) {
        return List.of(text(lang, "candidates.col.id"), text(lang, "candidates.col.name"), text(lang, "candidates.col.unit"),
                text(lang, "candidates.col.outcome"), text(lang, "candidates.col.rank"), text(lang, "candidates.col.deciding"));
    }

    /**
     * The rows as a file's table, with a title naming the award, the unit (and whether its subunits are
     * in), the year and appraisal date, the rules, and the filter if one was applied.
     */
    public Table table(CandidatesService.Candidates all, List<CandidatesService.Candidate> rows, String awardName, String unitName,
                       boolean subunits, Outcome filter, Map<String, String> unitNames, String lang) {
        List<List<Object>> cells = new ArrayList<>(rows.size());
        for (CandidatesService.Candidate c : rows) cells.add(row(c, unitNames, lang).cells());
        List<String> title = new ArrayList<>();
        title.add(text(lang, "candidates.file.title") + " " + awardName + " " + text(lang, "candidates.file.year") + " " + all.year());
        title.add(text(lang, "candidates.unit") + ": " + unitName + " (" + all.units().get(0) + ")"
                + (subunits ? ", " + text(lang, "candidates.withSubunits") : ""));
        title.add(text(lang, "candidates.asOf") + ": " + ValueTexts.date(all.asOf(), lang) + " · " + text(lang, "candidates.regime") + ": "
                + regime(all.regime(), lang) + " · " + text(lang, "candidates.rulesVersion") + ": " + all.rulesetVersion());
        if (filter != null) title.add(text(lang, "candidates.outcome") + ": " + text(lang, "outcome." + filter.name()));
        return new Table(text(lang, "candidates.file.sheet"), title, header(lang), cells);
    }

    private String text(String lang, String key) {
        return messages.text(lang, key);
    }
}
