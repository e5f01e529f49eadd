package vn.laurel.api.pages;

import vn.laurel.api.i18n.ValueTexts;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.batch.BatchJobs;
import vn.laurel.api.batch.BatchProgress;
import vn.laurel.api.batch.BatchRequest;
import vn.laurel.api.batch.BatchStore;
import vn.laurel.api.export.BatchOutcomeRows;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.export.Table;
import vn.laurel.api.store.UnitDirectory;
import vn.laurel.api.problem.ProblemException;
import vn.laurel.api.rules.RuleSetHolder;
import vn.laurel.api.scope.ScopeGuard;
import vn.laurel.api.security.Requester;
import vn.laurel.api.web.Params;
import vn.laurel.engine.catalogue.AwardDefinition;
import vn.laurel.engine.caseformat.FieldError;
import vn.laurel.engine.model.Outcome;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;

/**
 * Batches: the latest runs and a form to start one, as /api/v1/batches does (the same jobs and store,
 * roles and scope: a scoped client sees only the batches it started); a batch's page follows its
 * progress (htmx asks for the progress region every second while it runs) and then pages through its
 * outcomes, filtered by award and outcome, downloadable as CSV or XLSX.
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class BatchesPages {
    static final int RECENT = 20;
    static final int PAGE_SIZE = 100;
    static final int MAX_FIELD = 200;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Pages pages;
    private final ScopeGuard scope;
    private final UnitDirectory directory;
    private final BatchJobs jobs;
    private final BatchStore store;
    private final BatchOutcomeRows outcomes;
    private final RuleSetHolder rules;
    private final MonthDay appraisalDay;
    private final Clock clock = Clock.systemDefaultZone();

    public BatchesPages(Pages pages, ScopeGuard scope, UnitDirectory directory, BatchJobs jobs, BatchStore store, BatchOutcomeRows outcomes,
                        RuleSetHolder rules, @Value("${laurel.default-appraisal-day}") String appraisalDay) {
        this.pages = pages;
        this.scope = scope;
        this.directory = directory;
        this.jobs = jobs;
        this.store = store;
        this.outcomes = outcomes;
        this.rules = rules;
        this.appraisalDay = MonthDay.parse("--" + appraisalDay);
    }

    /** One batch as the pages show it. */
    public record BatchView(long id, String status, String statusText, boolean running, int year, String unit, String unitName,
                            boolean subunits, String awards, boolean saveDecisions, String requestedBy, String requestedAt,
                            String startedAt, String finishedAt, String rulesetVersion, String failure, double percent, String percentText,
                            int unitsDone, int unitsTotal, long subjectsDone, long personsTotal, long perSecond, @Nullable Long etaSeconds) {}

    /** Per award, how many came out with each outcome. */
    public record CountRow(String award, String awardName, List<Long> counts, long total) {}

    /** What the start form was sent with (kept to show the form again when something was wrong). */
    record StartForm(String year, String unit, boolean subunits, List<String> awards, boolean saveDecisions) {}

    // ------------------------------------------------------------------ list and start

    @Get("/batches")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.BATCHES);
        if (refused != null) return refused;
        StartForm fresh = new StartForm(String.valueOf(LocalDate.now(clock).getYear() - 1), null, true, List.of(), false);
        return listPage(request, HttpStatus.OK, fresh, null, null);
    }

    @Post(value = "/batches", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> start(@Nullable @Body Map<String, Object> form, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.BATCHES);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        StartForm sent = new StartForm(Objects.toString(Pages.field(form, "year"), ""), blankToNull(Pages.field(form, "unit")),
                Pages.field(form, "includeSubunits") != null, values(form, "awards"), Pages.field(form, "saveDecisions") != null);
        if (sent.year().length() > MAX_FIELD || (sent.unit() != null && sent.unit().length() > MAX_FIELD) || sent.awards().size() > 100
                || sent.awards().stream().anyMatch(a -> a.length() > MAX_FIELD)) {
            return listPage(request, HttpStatus.BAD_REQUEST, sent, "batches.error.tooLong", null);
        }
        int year;
        try {
            year = Params.year(sent.year());
        } catch (ProblemException e) {
            return listPage(request, HttpStatus.BAD_REQUEST, sent, "error.year", "year");
        }
        if (year > LocalDate.now(clock).getYear()) return listPage(request, HttpStatus.BAD_REQUEST, sent, "error.year", "year");
        String unit = sent.unit() == null ? null : Params.id(sent.unit());
        try {
            // A scoped client names a unit of its own; the whole organisation (no unit) is beyond it.
            scope.requireUnit(request, "unit", unit);
        } catch (ProblemException e) {
            return listPage(request, HttpStatus.FORBIDDEN, sent, "error.scope", "unit");
        }
        LocalDate asOf = Params.defaultAppraisalDate(year, appraisalDay, clock);
        long id;
        try {
            id = jobs.submit(new BatchRequest(year, asOf, unit, sent.subunits(), sent.awards(), sent.saveDecisions()), Requester.of(request));
        } catch (ProblemException e) {
            String field = field(e);
            return listPage(request, HttpStatus.BAD_REQUEST, sent, "batches.error." + (field == null ? "request" : field), field);
        }
        return HttpResponse.seeOther(URI.create("/batches/" + id));
    }

    private MutableHttpResponse<?> listPage(HttpRequest<?> request, HttpStatus status, StartForm form, @Nullable String error,
                                            @Nullable String errorField) {
        String lang = Pages.lang(request);
        boolean wide = scope.of(request).wide();
        List<UnitDirectory.Unit> units;
        try {
            units = directory.visible(scope.visibleUnits(request, "unit"));
        } catch (ProblemException e) {
            return pages.error(request, HttpStatus.FORBIDDEN, "error.scope");
        }
        Map<String, String> unitNames = UnitDirectory.namesOf(units);
        Map<String, Object> model = pages.model(request, "batches.title");
        List<BatchView> recent = new ArrayList<>();
        for (Map<String, Object> row : store.recent(RECENT, wide ? null : Requester.of(request))) recent.add(view(row, unitNames, lang));
        model.put("batches", recent);
        String unit = form.unit() != null ? form.unit() : wide ? null : defaultUnit(units);
        List<Choice> unitChoices = new ArrayList<>();
        if (wide) unitChoices.add(new Choice("", pages.messages().text(lang, "batches.wholeOrganisation"), unit == null));
        units.forEach(u -> unitChoices.add(new Choice(u.code(), u.name() + " (" + u.code() + ")", u.code().equals(unit))));
        model.put("units", unitChoices);
        List<Choice> years = new ArrayList<>();
        int last = LocalDate.now(clock).getYear();
        for (int y = last; y >= last - 10; y--) years.add(new Choice(String.valueOf(y), String.valueOf(y), String.valueOf(y).equals(form.year())));
        model.put("years", years);
        List<Choice> awards = new ArrayList<>();
        for (AwardDefinition a : rules.current().awards().values()) awards.add(new Choice(a.code(), a.name().in(lang), form.awards().contains(a.code())));
        model.put("awards", awards);
        model.put("form", form);
        model.put("error", error);
        model.put("errorField", errorField);
        return pages.page(request, status, "batches", model);
    }

    // ------------------------------------------------------------------ one batch

    @Get("/batches/{id}")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> batch(@PathVariable("id") String rawId, HttpRequest<?> request) {
        return withBatch(rawId, request, (b, unitNames, lang) -> {
            Map<String, Object> model = pages.model(request, "batches.batchTitle");
            model.put("title", pages.messages().text(lang, "batches.batchTitle") + " " + b.id());
            model.put("b", b);
            model.put("oob", false);
            if ("DONE".equals(b.status())) {
                try {
                    outcomesModel(model, request, b, unitNames, lang);
                } catch (PageError e) {
                    // A bad filter in the address: say so, and show the outcomes unfiltered.
                    outcomesModel(model, null, b, unitNames, lang);
                    model.put("error", e.key);
                    model.put("errorField", e.field);
                    return pages.page(request, e.status, "batch", model);
                }
            }
            return pages.page(request, "batch", model);
        });
    }

    /**
     * The progress region alone, for htmx to swap in every second. Once the batch has finished the
     * region comes back without its trigger (so the polling stops), with the outcomes swapped in beside it.
     */
    @Get("/batches/{id}/progress")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> progress(@PathVariable("id") String rawId, HttpRequest<?> request) {
        return withBatch(rawId, request, (b, unitNames, lang) -> {
            Map<String, Object> model = pages.model(request, "batches.batchTitle");
            model.put("b", b);
            model.put("oob", true);
            if ("DONE".equals(b.status())) outcomesModel(model, null, b, unitNames, lang);
            return pages.page(request, "batch-progress", model);
        });
    }

    @Get("/batches/{id}/export.csv")
    public HttpResponse<?> csv(@PathVariable("id") String rawId, HttpRequest<?> request) {
        return export(rawId, request, false);
    }

    @Get("/batches/{id}/export.xlsx")
    public HttpResponse<?> xlsx(@PathVariable("id") String rawId, HttpRequest<?> request) {
        return export(rawId, request, true);
    }

    /** Every outcome of the batch the filter keeps (pages ignored), headed in the page's language. */
    private HttpResponse<?> export(String rawId, HttpRequest<?> request, boolean xlsx) {
        return withBatch(rawId, request, (b, unitNames, lang) -> {
            if (!"DONE".equals(b.status())) throw new PageError(HttpStatus.CONFLICT, "batches.error.notDone", null);
            String award = award(request);
            String outcome = outcome(request);
            List<String> title = new ArrayList<>();
            var msg = pages.messages();
            title.add(msg.text(lang, "batches.batchTitle") + " " + b.id() + " · " + msg.text(lang, "batches.year") + " " + b.year());
            title.add(msg.text(lang, "batches.unit") + ": " + b.unitName() + (b.subunits() ? " (" + msg.text(lang, "batches.withSubunits") + ")" : "")
                    + " · " + msg.text(lang, "batches.rulesVersion") + ": " + b.rulesetVersion());
            if (award != null || outcome != null) {
                title.add(msg.text(lang, "batches.filter") + ": " + (award == null ? "" : outcomes.awardName(award, lang))
                        + (award != null && outcome != null ? " · " : "") + (outcome == null ? "" : msg.text(lang, "outcome." + outcome)));
            }
            // A file is built in memory: past a bound, the official is asked to filter (by award, by outcome).
            long rows = store.counts(b.id()).entrySet().stream().filter(e -> award == null || e.getKey().equals(award))
                    .flatMap(e -> e.getValue().entrySet().stream()).filter(o -> outcome == null || o.getKey().equals(outcome))
                    .mapToLong(Map.Entry::getValue).sum();
            if (rows > BatchOutcomeRows.MAX_EXPORT_ROWS) throw new PageError(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "batches.error.tooMany", null);
            Table table = outcomes.table(title, outcomes.all(b.id(), award, outcome, unitNames, lang), lang);
            String file = "batch-" + b.id() + "-" + b.year() + (award == null ? "" : "-" + award);
            return xlsx ? Downloads.xlsx(table, file) : Downloads.csv(table, file, true);
        });
    }

    /** What a page of one batch makes of it: the batch as the pages show it, the names of the units, the page's language. */
    @FunctionalInterface
    private interface BatchPage {
        HttpResponse<?> answer(BatchView b, Map<String, String> unitNames, String lang);
    }

    /**
     * Every page of one batch: the user's roles, then the batch of the address if it exists and the user
     * may see it (a scoped client: only its own), then the page; a refusal (a {@link PageError}, also one
     * the page throws) is an error page.
     */
    private HttpResponse<?> withBatch(String rawId, HttpRequest<?> request, BatchPage page) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.BATCHES);
        if (refused != null) return refused;
        String lang = Pages.lang(request);
        try {
            Map<String, Object> row = own(rawId, request);
            Map<String, String> unitNames = allUnitNames();
            return page.answer(view(row, unitNames, lang), unitNames, lang);
        } catch (PageError e) {
            return pages.error(request, e.status, e.key);
        }
    }

    private void outcomesModel(Map<String, Object> model, @Nullable HttpRequest<?> request, BatchView b, Map<String, String> unitNames, String lang) {
        String award = request == null ? null : award(request);
        String outcome = request == null ? null : outcome(request);
        int page = request == null ? 0 : page(request);
        Map<String, Map<String, Long>> counts = store.counts(b.id());
        List<CountRow> countRows = new ArrayList<>();
        long all = 0;
        for (var e : counts.entrySet()) {
            List<Long> n = new ArrayList<>();
            long total = 0;
            for (Outcome o : Outcome.values()) {
                long c = e.getValue().getOrDefault(o.name(), 0L);
                n.add(c);
                total += c;
            }
            all += total;
            countRows.add(new CountRow(e.getKey(), outcomes.awardName(e.getKey(), lang), n, total));
        }
        model.put("outcomeCodes", Arrays.stream(Outcome.values()).map(Enum::name).toList());
        model.put("counts", countRows);
        List<Choice> awardChoices = new ArrayList<>();
        awardChoices.add(new Choice("", pages.messages().text(lang, "batches.allAwards"), award == null));
        countRows.forEach(c -> awardChoices.add(new Choice(c.award(), c.awardName(), c.award().equals(award))));
        model.put("awardChoices", awardChoices);
        List<Choice> outcomeChoices = new ArrayList<>();
        outcomeChoices.add(new Choice("", pages.messages().text(lang, "batches.allOutcomes"), outcome == null));
        for (Outcome o : Outcome.values()) outcomeChoices.add(new Choice(o.name(), pages.messages().text(lang, "outcome." + o.name()), o.name().equals(outcome)));
        model.put("outcomeChoices", outcomeChoices);
        long matching = award == null && outcome == null ? all : countRows.stream().filter(c -> award == null || c.award().equals(award))
                .mapToLong(c -> outcome == null ? c.total() : c.counts().get(Outcome.valueOf(outcome).ordinal())).sum();
        int pageCount = (int) Math.max(1, (matching + PAGE_SIZE - 1) / PAGE_SIZE);
        List<BatchOutcomeRows.Row> rows = outcomes.page(b.id(), award, outcome, page * PAGE_SIZE, PAGE_SIZE, unitNames, lang);
        model.put("rows", rows);
        model.put("matching", matching);
        model.put("firstRow", page * PAGE_SIZE + 1);
        model.put("lastRow", page * PAGE_SIZE + rows.size());
        model.put("pageNumber", page + 1);
        model.put("pageCount", pageCount);
        String base = "/batches/" + b.id();
        model.put("prevUrl", page > 0 ? url(base, award, outcome, page - 1) : null);
        model.put("nextUrl", page + 1 < pageCount ? url(base, award, outcome, page + 1) : null);
        model.put("csvUrl", url(base + "/export.csv", award, outcome, 0));
        model.put("xlsxUrl", url(base + "/export.xlsx", award, outcome, 0));
        model.put("outcomesDone", true);
    }

    // ------------------------------------------------------------------ reading the request

    /** A bad request of a batch page: status, sentence (message key), the field to mark. */
    static final class PageError extends RuntimeException {
        final HttpStatus status;
        final String key;
        final String field;

        PageError(HttpStatus status, String key, @Nullable String field) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
            this.field = field;
        }
    }

    /** The batch's row, if it exists and the user may see it (a scoped client: only its own). */
    private Map<String, Object> own(String rawId, HttpRequest<?> request) {
        long id;
        try {
            id = Long.parseLong(rawId.length() > 19 ? "x" : rawId);
        } catch (NumberFormatException e) {
            throw new PageError(HttpStatus.NOT_FOUND, "batches.error.notFound", null);
        }
        Map<String, Object> row = store.find(id).orElseThrow(() -> new PageError(HttpStatus.NOT_FOUND, "batches.error.notFound", null));
        try {
            scope.requireOwnBatch(request, "id", id, row.get("requested_by"));
        } catch (ProblemException e) {
            throw new PageError(HttpStatus.FORBIDDEN, "batches.error.notYours", null);
        }
        return row;
    }

    private @Nullable String award(HttpRequest<?> request) {
        String award = blankToNull(request.getParameters().get("award"));
        if (award == null) return null;
        if (award.length() > MAX_FIELD || rules.current().award(award).isEmpty()) throw new PageError(HttpStatus.BAD_REQUEST, "batches.error.awards", "award");
        return award;
    }

    private static @Nullable String outcome(HttpRequest<?> request) {
        String outcome = blankToNull(request.getParameters().get("outcome"));
        if (outcome == null) return null;
        try {
            return Outcome.valueOf(outcome).name();
        } catch (IllegalArgumentException e) {
            throw new PageError(HttpStatus.BAD_REQUEST, "batches.error.outcome", "outcome");
        }
    }

    private static int page(HttpRequest<?> request) {
        String p = blankToNull(request.getParameters().get("page"));
        if (p == null) return 0;
        try {
            int page = Params.integer(p) - 1;
            if (page >= 0 && page <= 1_000_000) return page;
        } catch (NumberFormatException ignored) {
            // answered below, as any other bad number
        }
        throw new PageError(HttpStatus.BAD_REQUEST, "batches.error.page", "page");
    }

    /** The field a refused request names (unit, awards, year…), or null. */
    private static @Nullable String field(ProblemException e) {
        if (e.problem().errors() != null) {
            for (Object o : e.problem().errors()) {
                if (o instanceof FieldError f && Set.of("year", "unit", "awards", "asOf").contains(f.field())) return f.field();
            }
        }
        return null;
    }

    private static List<String> values(@Nullable Map<String, Object> form, String name) {
        if (form == null) return List.of();
        Object v = form.get(name);
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) l.forEach(x -> { if (x != null && !x.toString().isBlank()) out.add(x.toString().trim()); });
        else if (v != null && !v.toString().isBlank()) out.add(v.toString().trim());
        return out.stream().distinct().toList();
    }

    // ------------------------------------------------------------------ views

    private BatchView view(Map<String, Object> row, Map<String, String> unitNames, String lang) {
        String status = (String) row.get("status");
        Instant started = (Instant) row.get("started_at"), finished = (Instant) row.get("finished_at");
        double elapsed = started == null ? 0 : ((finished != null ? finished : Instant.now()).toEpochMilli() - started.toEpochMilli()) / 1000.0;
        BatchProgress p = new BatchProgress(intOf(row.get("units_done")), intOf(row.get("units_total")), longOf(row.get("subjects_done")),
                longOf(row.get("persons_total")), longOf(row.get("outcomes_written")), elapsed);
        // As the API reports it: 100 once done, else the share of persons (and units) evaluated so far.
        double percent = "DONE".equals(status) ? 100.0 : "QUEUED".equals(status) ? 0.0 : Math.round(p.fraction() * 1000) / 10.0;
        String unit = (String) row.get("unit_code");
        String awards = row.get("awards") == null ? pages.messages().text(lang, "batches.allAwards")
                : String.join(", ", Arrays.stream(((String) row.get("awards")).split(",")).map(a -> outcomes.awardName(a, lang)).toList());
        return new BatchView(((Number) row.get("id")).longValue(), status, pages.messages().text(lang, "batches.status." + status),
                "QUEUED".equals(status) || "RUNNING".equals(status), intOf(row.get("evaluation_year")), unit,
                unit == null ? pages.messages().text(lang, "batches.wholeOrganisation") : unitNames.getOrDefault(unit, unit),
                Boolean.TRUE.equals(row.get("include_subunits")), awards, Boolean.TRUE.equals(row.get("save_decisions")),
                (String) row.get("requested_by"), time((Instant) row.get("requested_at"), lang), time(started, lang), time(finished, lang),
                (String) row.get("ruleset_version"), (String) row.get("failure"), percent, percent(percent, lang), p.unitsDone(), p.unitsTotal(), p.subjectsDone(),
                p.personsTotal(), Math.round(p.perSecond()), "RUNNING".equals(status) ? p.etaSeconds() : null);
    }

    /**
     * A moment as the page's language writes dates (dd/MM/yyyy in Vietnamese), with the time of day, in
     * Vietnam's time as the audit pages show it (not the server's zone, which may be UTC); the pages say so.
     */
    static String time(@Nullable Instant at, String lang) {
        if (at == null) return "";
        ZonedDateTime z = at.atZone(AuditViews.ZONE);
        return ValueTexts.date(z.toLocalDate(), lang) + " " + TIME.format(z);
    }

    /** A share as the page's language writes it: "41,7 %" in Vietnamese, "41.7 %" in English. */
    static String percent(double percent, String lang) {
        String n = String.format(Locale.ROOT, "%.1f", percent);
        return ("vi".equals(lang) ? n.replace('.', ',') : n) + " %";
    }

    static String url(String path, @Nullable String award, @Nullable String outcome, int page) {
        StringJoiner q = new StringJoiner("&", "?", "").setEmptyValue("");
        if (award != null) q.add("award=" + URLEncoder.encode(award, StandardCharsets.UTF_8));
        if (outcome != null) q.add("outcome=" + outcome);
        if (page > 0) q.add("page=" + (page + 1));
        return path + q;
    }

    private Map<String, String> allUnitNames() {
        return UnitDirectory.namesOf(directory.all().values());
    }


    private static @Nullable String defaultUnit(List<UnitDirectory.Unit> units) {
        return UnitDirectory.top(units).orElse(null);
    }

    private static @Nullable String blankToNull(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static int intOf(Object o) { return o == null ? 0 : ((Number) o).intValue(); }

    private static long longOf(Object o) { return o == null ? 0 : ((Number) o).longValue(); }
}
