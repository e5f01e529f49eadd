package vn.laurel.api.workbench.catalogue;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.pages.AuditViews;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.workbench.Coverage;
import vn.laurel.api.workbench.ScenarioRuns;
import vn.laurel.api.workbench.WorkbenchSource;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The workbench's reading pages: the catalogue of awards under a regime with how well scenarios prove
 * their criteria, an award's criteria with the parameters they read and the scenarios that test them,
 * and one rule read as the law with how it differs from the previous regime. They read the rules in
 * service or, with {@code ?draft=N}, a draft's; they change nothing.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class CataloguePages {
    /** A regime, award or criterion code as the rule set writes them; anything else is a malformed address. */
    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,79}");
    static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}");

    private final Pages pages;
    private final WorkbenchSources sources;
    private final ScenarioRuns runs;
    private final CatalogueReader reader;
    private final ValueTexts texts;
    private final Clock clock = Clock.system(AuditViews.ZONE);

    public CataloguePages(Pages pages, WorkbenchSources sources, ScenarioRuns runs, CatalogueReader reader, ValueTexts texts) {
        this.pages = pages;
        this.sources = sources;
        this.runs = runs;
        this.reader = reader;
        this.texts = texts;
    }

    /** A refusal of a page: its status and one sentence already in the page's language. */
    static final class Refusal extends RuntimeException {
        final HttpStatus status;
        final String text;

        Refusal(HttpStatus status, String text) {
            super(text, null, false, false);
            this.status = status;
            this.text = text;
        }
    }

    /** What every page reads: the source (rules in service or a draft), its coverage, the chosen regime, today. */
    record Reading(WorkbenchSource source, RuleSet rules, Coverage coverage, Regime regime, LocalDate today) {}

    @Get("/workbench")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> catalogue(HttpRequest<?> request) {
        return answer(request, lang -> {
            Reading r = read(request, lang);
            Map<String, Object> model = model(request, "wbcatalogue.title", r, lang);
            model.put("awards", reader.awards(r.rules(), r.coverage(), r.regime().code(), r.source().draftId(), lang));
            return pages.page(request, "workbench/catalogue", model);
        });
    }

    @Get("/workbench/awards/{code}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> award(@PathVariable("code") String code, HttpRequest<?> request) {
        return answer(request, lang -> {
            Reading r = read(request, lang);
            AwardDefinition award = award(r.rules(), code, lang);
            Map<String, Object> model = model(request, "wbcatalogue.award.title", r, lang);
            model.put("title", award.name().in(lang) + " · " + texts.text(lang, "wbcatalogue.award.title"));
            model.put("award", award);
            model.put("awardName", award.name().in(lang));
            model.put("category", reader.category(award.category(), lang));
            model.put("kinds", reader.kinds(award.subjectKinds(), lang));
            LocalDate day = CatalogueReader.valuesDay(r.regime(), r.today());
            model.put("valuesDay", ValueTexts.date(day, lang));
            model.put("criteria", reader.criteria(r.source(), r.coverage(), r.regime().code(), award.code(), day, lang));
            Coverage.Summary s = r.coverage().summary(r.regime().code(), award.code());
            model.put("coverageText", texts.text(lang, "wbcatalogue.coverage", s.covered(), s.criteria()));
            return pages.page(request, "workbench/catalogue-award", model);
        });
    }

    @Get("/workbench/rules")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> rule(HttpRequest<?> request) {
        return answer(request, lang -> {
            Reading r = read(request, lang);
            String code = request.getParameters().get("award");
            if (code == null || code.isBlank()) throw new Refusal(HttpStatus.BAD_REQUEST, texts.text(lang, "wbcatalogue.error.missing", "award"));
            AwardDefinition award = award(r.rules(), code, lang);
            String criterion = request.getParameters().get("criterion");
            if (criterion == null || criterion.isBlank()) {
                throw new Refusal(HttpStatus.BAD_REQUEST, texts.text(lang, "wbcatalogue.error.missing", "criterion"));
            }
            Coverage.Entry entry = r.coverage().of(r.regime().code(), award.code()).stream()
                    .filter(e -> e.criterion().criterion().equals(criterion)).findFirst()
                    .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, texts.text(lang, "wbcatalogue.error.criterion",
                            shown(criterion), award.name().in(lang), texts.regime(r.regime().code(), lang))));
            LocalDate day = CatalogueReader.valuesDay(r.regime(), r.today());
            Map<String, Object> model = model(request, "wbcatalogue.rule.title", r, lang);
            model.put("title", award.name().in(lang) + " · " + criterion);
            model.put("rule", reader.rule(r.source(), entry, r.regime().code(), day, lang));
            model.put("valuesDay", ValueTexts.date(day, lang));
            model.put("keepAward", award.code());
            model.put("keepCriterion", criterion);
            model.put("awardHref", CatalogueReader.awardHref(award.code(), r.regime().code(), r.source().draftId()));
            return pages.page(request, "workbench/rule", model);
        });
    }

    // ------------------------------------------------------------------ shared

    @FunctionalInterface
    interface Page {
        MutableHttpResponse<?> answer(String lang);
    }

    /** The roles first, then the page; a refusal becomes an error page in the page's language, never a 5xx. */
    private HttpResponse<?> answer(HttpRequest<?> request, Page page) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.WORKBENCH);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        try {
            return page.answer(lang);
        } catch (Refusal e) {
            Map<String, Object> model = pages.model(request, "error.title");
            model.put("status", e.status.getCode());
            model.put("errorText", e.text);
            return pages.page(request, e.status, "workbench/catalogue-error", model);
        }
    }

    private Reading read(HttpRequest<?> request, String lang) {
        Long draft = draft(request.getParameters().get("draft"), lang);
        WorkbenchSource source;
        try {
            source = sources.of(draft);
        } catch (ProblemException e) {
            // The only refusal of reading a draft is that there is none by that number.
            throw new Refusal(HttpStatus.NOT_FOUND, texts.text(lang, "wbcatalogue.error.draft", draft));
        }
        RuleSet rules = source.compiled();
        if (rules == null) throw new Refusal(HttpStatus.CONFLICT, texts.text(lang, "wbcatalogue.error.notCompiled", draft));
        LocalDate today = LocalDate.now(clock);
        String asked = request.getParameters().get("regime");
        Regime regime;
        if (asked == null || asked.isBlank()) {
            regime = CatalogueReader.inForce(rules, today);
        } else if (!CODE.matcher(asked).matches()) {
            throw new Refusal(HttpStatus.BAD_REQUEST, texts.text(lang, "wbcatalogue.error.regimeField", shown(asked)));
        } else {
            regime = rules.regimes().stream().filter(x -> x.code().equals(asked)).findFirst()
                    .orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, texts.text(lang, "wbcatalogue.error.regime", asked)));
        }
        // Run once per rule version and scenario files (ScenarioRuns keeps the run): every page of the catalogue reads the same run.
        Coverage coverage = Coverage.of(rules, runs.of(rules, source.files()));
        return new Reading(source, rules, coverage, regime, today);
    }

    private @Nullable Long draft(@Nullable String raw, String lang) {
        if (raw == null || raw.isBlank()) return null;
        if (!NUMBER.matcher(raw.trim()).matches()) throw new Refusal(HttpStatus.BAD_REQUEST, texts.text(lang, "wbcatalogue.error.draftField", shown(raw)));
        return Long.parseLong(raw.trim());
    }

    private AwardDefinition award(RuleSet rules, String code, String lang) {
        Optional<AwardDefinition> a = code != null && CODE.matcher(code).matches() ? rules.award(code) : Optional.empty();
        return a.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, texts.text(lang, "wbcatalogue.error.award", shown(code))));
    }

    private Map<String, Object> model(HttpRequest<?> request, String titleKey, Reading r, String lang) {
        Map<String, Object> model = pages.model(request, titleKey);
        model.put("regimes", reader.regimes(r.rules(), r.regime().code(), r.today(), lang));
        model.put("regime", r.regime().code());
        model.put("regimeName", texts.regime(r.regime().code(), lang));
        model.put("provisional", r.regime().provisional());
        model.put("draft", r.source().draftId());
        model.put("sourceText", r.source().isDraft() ? texts.text(lang, "wb.source.draft", r.source().draftId()) : texts.text(lang, "wb.source.active"));
        model.put("version", r.rules().version());
        model.put("today", ValueTexts.date(r.today(), lang));
        model.put("catalogueHref", CatalogueReader.catalogueHref(r.regime().code(), r.source().draftId()));
        return model;
    }

    /** A value from the address as an error sentence quotes it: bounded, so a long address gives a short page. */
    private static String shown(@Nullable String raw) {
        if (raw == null) return "";
        return raw.length() > 80 ? raw.substring(0, 80) + "…" : raw;
    }
}
