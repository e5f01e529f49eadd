package vn.laurel.api.pages;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import vn.laurel.api.earliest.EarliestParams;
import vn.laurel.api.earliest.EarliestService;
import vn.laurel.api.i18n.Messages;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.engine.caseformat.CaseFormatException;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.json.Json;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.model.SubjectKind;
import vn.laurel.engine.projection.Assumptions;
import vn.laurel.engine.projection.Earliest;
import vn.laurel.engine.projection.EarliestAnswer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The section "Sớm nhất có thể đạt / Earliest year" of a person's and a unit's page (views/earliest.html): a GET
 * form (the award, a rating assumed, grassroots initiatives a year, every attestation assumed given) on the page's
 * own address, and, once an award is asked ({@code earliest=AWARD}), the answer of {@code GET
 * /api/v1/subjects/{id}/earliest}: its headline, the criteria that gate it with the year each is met and what it
 * still needs, or why never. The page's roles and scope are the eligibility GET's, which this section shares.
 */
@Singleton
public class EarliestSection {
    /** The page's query parameters of the section: prefixed, so that they never meet the page's own. */
    static final String AWARD = "earliest", RATING = "earliestRating", INITIATIVES = "earliestInitiatives", ATTESTED = "earliestAttested";
    private static final List<Rating> RATINGS = List.of(Rating.EXCELLENT, Rating.GOOD, Rating.COMPLETED, Rating.NOT_COMPLETED);

    private final EarliestService service;
    private final ValueTexts values;
    private final Messages messages;

    public EarliestSection(EarliestService service, ValueTexts values, Messages messages) {
        this.service = service;
        this.values = values;
        this.messages = messages;
    }

    /**
     * @param awards      the awards of the subject's kind to choose from
     * @param initiatives the number asked, as typed ("" when not)
     * @param error       why the question could not be answered (a bad value), in the page's language; null
     * @param answer      the answer for the award asked; null when none is asked or the question is refused
     */
    public record View(int year, List<Choice> awards, List<Choice> ratings, String initiatives, boolean attested,
                       String error, AnswerView answer) {}

    /**
     * @param kind  ALREADY_ELIGIBLE, EARLIEST or NEVER
     * @param then  the year reached: its appraisal date, regime and outcome; null for never
     * @param basis what each projected year repeats or assumes
     */
    public record AnswerView(String award, String kind, String headline, String then, boolean subjectToReview, String basis,
                             boolean never, String gatesCaption, List<GateRow> gates, List<String> open, String neverText,
                             String neverCaption, List<String> neverCriteria, List<String> neverNotes) {}

    /** A criterion not met in the evaluation year, as the table shows it. */
    public record GateRow(String criterion, String label, String sentenceNow, String sentenceThen, String now, String required,
                          String metIn, String needs) {}

    /** The section for a subject of {@code kind}, answering the page's request when it asks for an award. */
    public View view(HttpRequest<?> request, String subjectId, String kind, int year, LocalDate asOf, String lang) {
        Map<String, String> p = new java.util.HashMap<>();
        for (String name : List.of(AWARD, RATING, INITIATIVES, ATTESTED)) {
            String v = request.getParameters().get(name);
            if (v != null) p.put(name, v.trim());
        }
        String award = p.getOrDefault(AWARD, "");
        SubjectKind subjectKind = kindOf(kind);
        List<Choice> awards = new ArrayList<>();
        service.awardsFor(subjectKind).forEach(a -> awards.add(new Choice(a.code(), a.name().in(lang), a.code().equals(award))));
        String rating = p.getOrDefault(RATING, "");
        List<Choice> ratings = new ArrayList<>();
        ratings.add(new Choice("", messages.text(lang, "earliest.ratingAsIs"), rating.isEmpty()));
        RATINGS.forEach(r -> ratings.add(new Choice(r.name(), values.codeOrSelf(r.name(), lang), r.name().equals(rating))));
        String initiatives = p.getOrDefault(INITIATIVES, "");
        boolean attested = !p.getOrDefault(ATTESTED, "").isEmpty();
        if (award.isEmpty()) return new View(year, awards, ratings, initiatives, attested, null, null);
        try {
            Assumptions assumptions = EarliestParams.assumptions(rating, initiatives, attested ? "true" : null, null);
            EarliestParams.requireWithinDates(year, assumptions);
            Earliest earliest = service.ofSubject(subjectId, year, asOf, List.of(award), assumptions);
            return new View(year, awards, ratings, initiatives, attested, null, answer(earliest, lang));
        } catch (ProblemException e) {
            if (e.problem().status() == 404) throw e;
            return new View(year, awards, ratings, initiatives, attested, refusal(e.problem().errors(), lang), null);
        } catch (CaseFormatException e) {
            return new View(year, awards, ratings, initiatives, attested, refusal(e.getErrors(), lang), null);
        }
    }

    private static SubjectKind kindOf(String kind) {
        try {
            return kind == null ? SubjectKind.PERSON : SubjectKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return SubjectKind.PERSON;
        }
    }

    /** Which parameter was refused, in words: the award (unknown, or not for this kind), the rating, the number… */
    private String refusal(List<?> errors, String lang) {
        String field = errors.isEmpty() || !(errors.get(0) instanceof FieldError f) ? "award" : f.field().replaceAll("^awards\\[\\d+]$", "award");
        String key = "earliest.bad." + field;
        String text = messages.text(lang, key);
        return text.equals(key) ? messages.text(lang, "earliest.bad.award") : text;
    }

    private AnswerView answer(Earliest e, String lang) {
        EarliestAnswer a = e.awards().get(0);
        String then = a.earliestYear() == null ? null : values.text(lang, "earliest.then", a.earliestYear(),
                ValueTexts.date(a.appraisalThen(), lang), values.regime(a.regimeThen(), lang),
                messages.text(lang, "outcome." + a.outcomeThen()));
        Earliest.Basis b = e.basis();
        Boolean assumed = b.assumptions().attested();
        String attestations = Boolean.TRUE.equals(assumed) ? messages.text(lang, "earliest.allAssumed")
                : Boolean.FALSE.equals(assumed) ? messages.text(lang, "earliest.noneAssumed")
                : b.attestations().isEmpty() ? messages.text(lang, "earliest.none")
                : String.join(", ", b.attestations().stream().map(c -> values.codeOrSelf(c, lang)).toList());
        String basis = values.text(lang, "earliest.basis", b.fromYear(),
                b.rating() == null ? messages.text(lang, "earliest.noRating") : values.codeOrSelf(b.rating().name(), lang),
                b.initiativesPerYear(), attestations, e.year() + e.horizon());
        List<GateRow> gates = new ArrayList<>();
        for (EarliestAnswer.Gate g : a.gates()) gates.add(gate(g, e.horizon(), lang));
        List<String> open = a.openThen().stream().map(o -> values.humanise(o.sentence().in(lang), lang)).toList();
        String neverText = null, neverCaption = null;
        List<String> neverCriteria = List.of(), neverNotes = List.of();
        if (a.never() != null) {
            // Not met: the sentences of the criteria say it in words; not modelled: the reason, with the regime's note.
            neverText = a.never().reason() == EarliestAnswer.Never.Reason.NOT_MODELLED ? a.never().text().in(lang) : null;
            neverCaption = values.text(lang, "earliest.neverCriteria", a.never().criteriaYear());
            neverCriteria = a.never().criteria().stream().map(u -> values.humanise(u.sentence().in(lang), lang)).toList();
            neverNotes = a.never().notes().stream().map(n -> values.humanise(n.in(lang), lang)).toList();
        }
        return new AnswerView(a.award(), a.answer().name(), a.headline().in(lang), then, a.subjectToReview(), basis, a.never() != null,
                values.text(lang, "earliest.gates", e.year()), gates, open, neverText, neverCaption, neverCriteria, neverNotes);
    }

    private GateRow gate(EarliestAnswer.Gate g, int horizon, String lang) {
        String sentenceNow = values.humanise(g.sentenceNow().in(lang), lang);
        String now = messages.text(lang, "status." + g.statusNow());
        if (!(g.actualNow() instanceof List<?>)) now += ": " + values.value(g.actualNow(), lang);
        String metIn;
        if (g.metIn() == null) metIn = values.text(lang, "earliest.notWithin", horizon);
        else if (g.statusThen() == null) metIn = values.text(lang, "earliest.dropped", g.metIn());
        else if (g.statusThen() == Status.NEEDS_REVIEW) metIn = values.text(lang, "earliest.metReview", g.metIn());
        else metIn = String.valueOf(g.metIn());
        String needs = g.needsText() != null ? g.needsText().in(lang)
                : g.needs().isEmpty() ? "—" : String.join("; ", g.needs().stream().map(n -> n.text().in(lang)).toList());
        return new GateRow(g.criterion(), AnswerViews.label(sentenceNow), sentenceNow,
                g.sentenceThen() == null ? null : values.humanise(g.sentenceThen().in(lang), lang), now,
                values.requirement(Json.toMap(g.required()), lang), metIn, needs);
    }
}
