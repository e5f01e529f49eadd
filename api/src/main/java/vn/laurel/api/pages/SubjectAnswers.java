package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import vn.laurel.api.decisions.EligibilityService;
import vn.laurel.api.store.FactStore;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.store.StoredFact;
import vn.laurel.api.web.Params;
import vn.laurel.engine.model.Subject;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person's page and a unit's page share: the year asked for, the answer of
 * GET /api/v1/subjects/{id}/eligibility (evaluated from the stored facts, nothing saved), and the
 * model built from it (awards with their criteria and evidence, the ten-year timeline).
 */
@Singleton
public class SubjectAnswers {
    /** A year to evaluate and the appraisal date that selects its regime. */
    public record Asked(int year, LocalDate asOf) {}

    private final EligibilityService eligibility;
    private final FactStore facts;
    private final AnswerViews views;
    private final FactTexts factTexts;
    private final ValueTexts values;
    private final JsonMapper json;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public SubjectAnswers(EligibilityService eligibility, FactStore facts, AnswerViews views, FactTexts factTexts, ValueTexts values,
                          JsonMapper json, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.eligibility = eligibility;
        this.facts = facts;
        this.views = views;
        this.factTexts = factTexts;
        this.values = values;
        this.json = json;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** The year of {@code ?year=} (last year when absent), or empty when it is no year the API would take. */
    public Optional<Asked> year(String raw) {
        try {
            int y = raw == null || raw.isBlank() ? LocalDate.now(clock).getYear() - 1 : Params.year(raw);
            LocalDate asOf = Params.defaultAppraisalDate(y, appraisalDay, clock);
            return y > asOf.getYear() ? Optional.empty() : Optional.of(new Asked(y, asOf));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    public int defaultYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    /**
     * The answer as the API gives it, in the page's language.
     *
     * @throws ProblemException                                   404 when no subject has the id
     * @throws vn.laurel.engine.caseformat.CaseFormatException when the stored facts make no valid case
     */
    public Map<String, Object> answer(String id, Asked asked, String lang) {
        return answered(id, asked, lang).answer();
    }

    /** An answer as the API gives it, and the subject as read for it (the page shows its facts without reading it again). */
    public record Answered(Map<String, Object> answer, Subject subject) {}

    /** As {@link #answer}, with the subject the answer was evaluated on. */
    public Answered answered(String id, Asked asked, String lang) {
        EligibilityService.Evaluated evaluated = eligibility.evaluateStored(id, asked.year(), asked.asOf(), List.of());
        try {
            return new Answered(json.readValue(evaluated.decided().json(lang), Argument.mapOf(String.class, Object.class)), evaluated.subject());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the answer for " + id, e);
        }
    }

    /**
     * Puts the answer into a page's model: {@code answer}, {@code results} (awards), {@code timeline},
     * the regime in words, and the years to choose from. Earlier versions of corrected facts are read
     * only for a reader whose roles open fact history (GET /api/v1/facts/{kind}/{id}/history).
     */
    public void fill(Map<String, Object> model, HttpRequest<?> request, String id, Map<String, Object> answer, Asked asked, String lang) {
        boolean history = Pages.hasAny(request, PageRoles.FACTS);
        Map<String, List<StoredFact>> corrections = history ? facts.corrections(id) : Map.of();
        Timeline timeline = Timeline.of(answer.get("facts"), asked.year(), lang, factTexts, values, corrections);
        model.put("answer", answer);
        model.put("timeline", timeline);
        model.put("showsHistory", history);
        model.put("results", views.awards(answer.get("results"), lang, timeline.anchors(), asked.year()));
        model.put("regime", values.regime(views.text(answer.get("regime"), lang), lang));
        if (answer.get("regimeDetails") instanceof Map<?, ?> r) {
            model.put("regimeBasis", views.text(r.get("legalBasis"), lang));
            List<String> notes = new ArrayList<>();
            if (r.get("notes") instanceof List<?> ns) ns.forEach(n -> notes.add(views.text(n, lang)));
            model.put("regimeNotes", notes);
        }
    }

    /** The model's year, appraisal date and the years to choose from (the last ten and the one asked). */
    public void years(Map<String, Object> model, Asked asked, String lang) {
        model.put("year", asked.year());
        model.put("asOf", ValueTexts.date(asked.asOf(), lang));
        int last = Math.max(asked.year(), LocalDate.now(clock).getYear());
        List<Integer> out = new ArrayList<>();
        for (int y = last; y >= last - 10; y--) out.add(y);
        if (!out.contains(asked.year())) out.add(asked.year());
        model.put("years", out);
    }
}
