package vn.laurel.api.year.clusters;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.*;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import vn.laurel.api.clusters.*;
import vn.laurel.api.export.Downloads;
import vn.laurel.api.pages.PageRoles;
import vn.laurel.api.pages.Pages;
import vn.laurel.api.security.Requester;
import vn.laurel.api.store.FactRefusedException;
import vn.laurel.api.year.EmulationYear;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;

/**
 * The clusters and blocks of a year, and a cluster's review: its members, head and deputy, scoring
 * table and settings; the score grid and a CSV to upload; the ranking; the proposals for the flag and
 * the certificates of merit with each unit's reason; recording the review. The same service as
 * /api/v1/clusters; read by BOARD, AUDITOR, ADMIN, written by BOARD and ADMIN (an auditor sees no form).
 */
@Secured(SecurityRule.IS_ANONYMOUS)
@io.swagger.v3.oas.annotations.Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ClustersPages {
    static final int MAX_FIELD = 2000;

    private final Pages pages;
    private final ClusterReviewService service;
    private final ReviewViews views;
    private final ClusterTexts texts;

    public ClustersPages(Pages pages, ClusterReviewService service, ReviewViews views, ClusterTexts texts) {
        this.pages = pages;
        this.service = service;
        this.views = views;
        this.texts = texts;
    }

    @Get("/clusters")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> list(@Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Map<String, Object> model = pages.model(request, "clusters.title");
        Integer y = EmulationYear.parse(year);
        model.put("year", y == null ? EmulationYear.current() : y);
        if (y == null) {
            model.put("yearError", true);
            return pages.page(request, HttpStatus.BAD_REQUEST, "year/clusters/clusters", model);
        }
        String lang = Pages.lang(request);
        List<ClusterRow> rows = new ArrayList<>();
        for (ClusterReviewService.Summary c : service.clusters(y)) {
            Map<String, String> names = new HashMap<>();
            c.members().forEach(m -> names.put(m.unit(), m.name()));
            String head = c.term() == null ? null : c.term().head();
            String deputy = c.term() == null ? null : c.term().deputy();
            ClusterReview r = service.review(c.cluster().code(), y);
            String state = r.recorded() == null ? r.status().name().toLowerCase(Locale.ROOT) : r.changedSinceRecorded() ? "changed" : "recorded";
            rows.add(new ClusterRow(c, head == null ? null : names.getOrDefault(head, head), deputy == null ? null : names.getOrDefault(deputy, deputy),
                    views.stateText(r, lang), state));
        }
        model.put("clusters", rows);
        return pages.page(request, "year/clusters/clusters", model);
    }

    /** A line of the clusters list: head and deputy by name, and where the year's review stands. */
    public record ClusterRow(ClusterReviewService.Summary summary, @Nullable String headName, @Nullable String deputyName, String stateText,
                             String state) {}

    @Get("/clusters/{code}")
    @Produces({MediaType.TEXT_HTML, Downloads.XLSX})
    public HttpResponse<?> cluster(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @QueryValue String format,
                                   HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        if (y == null) return pages.error(request, HttpStatus.BAD_REQUEST, "clusters.error.year");
        if (format != null && !format.equals("xlsx")) return pages.error(request, HttpStatus.BAD_REQUEST, "clusters.error.format");
        try {
            if ("xlsx".equals(format)) {
                ClusterReview r = service.review(code, y);
                return Downloads.xlsx(views.sheet(r, Pages.lang(request)), "cluster-" + r.cluster().code() + "-" + y);
            }
            return reviewPage(request, code, y, HttpStatus.OK, Map.of(), Set.of(), null, List.of(), null);
        } catch (ReviewRefused e) {
            return pages.error(request, HttpStatus.valueOf(e.kind().status), "clusters.error.noClusterPage");
        }
    }

    @Get("/clusters/{code}/print")
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> print(@PathVariable String code, @Nullable @QueryValue String year, HttpRequest<?> request) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR);
        if (refused != null) return refused;
        Integer y = EmulationYear.parse(year);
        if (y == null) return pages.error(request, HttpStatus.BAD_REQUEST, "clusters.error.year");
        try {
            Map<String, Object> model = model(request, code, y, Map.of(), Set.of(), false);
            return pages.page(request, "year/clusters/print", model);
        } catch (ReviewRefused e) {
            return pages.error(request, HttpStatus.valueOf(e.kind().status), "clusters.error.noClusterPage");
        }
    }

    @Post(value = "/clusters/{code}/scores", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> scores(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body Map<String, Object> form,
                                  HttpRequest<?> request) {
        return write(request, code, year, form, "scores", (y, sent) -> {
            ClusterReview before = service.review(code, y);
            List<ScoreSheet.Row> rows = new ArrayList<>();
            long i = 0;
            for (var line : before.ranking()) {
                for (var k : before.table().criteria()) {
                    String v = sent.get(ReviewPage.input(line.unit(), k.code()));
                    if (v == null || v.isBlank()) continue;
                    rows.add(new ScoreSheet.Row(i++, line.unit(), k.code(), v));
                }
            }
            // The version of the scores the grid was opened on: saving it must not erase what someone saved meanwhile.
            String version = sent.get("version");
            service.saveScores(code, y, rows, true, true, version == null ? "" : version, Requester.of(request));
        });
    }

    @Post(value = "/clusters/{code}/scores/csv", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> csv(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body Map<String, Object> form,
                               HttpRequest<?> request) {
        return write(request, code, year, form, "csv",
                (y, sent) -> service.saveScores(code, y, ScoreSheet.csv(sent.get("csv")), false, false, Requester.of(request)));
    }

    @Post(value = "/clusters/{code}/term", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> term(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body Map<String, Object> form,
                                HttpRequest<?> request) {
        return write(request, code, year, form, "term", (y, sent) -> service.saveTerm(code, y, blank(sent.get("head")),
                blank(sent.get("deputy")), Requester.of(request)));
    }

    @Post(value = "/clusters/{code}/record", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public HttpResponse<?> record(@PathVariable String code, @Nullable @QueryValue String year, @Nullable @Body Map<String, Object> form,
                                  HttpRequest<?> request) {
        return write(request, code, year, form, "record", (y, sent) -> service.record(code, y, Requester.of(request)));
    }

    private interface Write { void run(int year, Map<String, String> sent); }

    /**
     * A form's write: the role and the CSRF token checked, then the service; done → back to the page
     * (303), refused → the page again with the status, the faults named and what was sent kept.
     */
    private HttpResponse<?> write(HttpRequest<?> request, String code, @Nullable String year, @Nullable Map<String, Object> form,
                                  String which, Write write) {
        MutableHttpResponse<?> refused = pages.gate(request, PageRoles.YEAR_EDIT);
        if (refused != null) return refused;
        if (!pages.csrfMatches(request, form)) return pages.forbiddenCsrf(request);
        Integer y = EmulationYear.parse(year);
        if (y == null) return pages.error(request, HttpStatus.BAD_REQUEST, "clusters.error.year");
        Map<String, String> sent = new LinkedHashMap<>();
        if (form != null) form.forEach((k, v) -> sent.put(k, Pages.field(form, k)));
        String lang = Pages.lang(request);
        try {
            if (sent.values().stream().anyMatch(v -> v != null && v.length() > (which.equals("csv") ? ScoreSheet.MAX_CSV_CHARS : MAX_FIELD))) {
                throw ReviewRefused.field(ReviewRefused.Kind.TOO_LARGE, which, "clusters.error.tooLong",
                        which.equals("csv") ? ScoreSheet.MAX_CSV_CHARS : MAX_FIELD);
            }
            write.run(y, sent);
        } catch (ReviewRefused e) {
            if (e.kind() == ReviewRefused.Kind.NOT_FOUND) return pages.error(request, HttpStatus.NOT_FOUND, "clusters.error.noClusterPage");
            List<String> faults = new ArrayList<>();
            List<String> cells = which.equals("scores") ? cellNames(code, y, sent, lang) : List.of();
            for (ReviewRefused.Fault f : e.faults()) {
                // A refusal whose faults say the same as its sentence (an empty CSV) says it once.
                if (f.key().equals(e.key()) && f.args().equals(e.args())) continue;
                faults.add(cellFault(f, cells, lang));
            }
            // A grid's faults name "scores[i].field": mark the inputs of the rows sent.
            Map<String, String> kept = which.equals("csv") || which.equals("term") ? Map.of() : sent;
            boolean changed = e.kind() == ReviewRefused.Kind.CONFLICT && "clusters.error.scoresChanged".equals(e.key());
            return reviewPage(request, code, y, HttpStatus.valueOf(e.kind().status), kept, invalid(e, sent), which,
                    faults, texts.text(lang, e.key(), e.args()), which.equals("csv") ? sent.get("csv") : null, sent, changed);
        } catch (FactRefusedException e) {
            // The store refused the facts a recording writes (e.g. two officials recording at once): the page, not a problem JSON.
            boolean race = e.reason() == FactRefusedException.Reason.CONFLICT;
            Map<String, String> kept = which.equals("csv") || which.equals("term") ? Map.of() : sent;
            return reviewPage(request, code, y, race ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY, kept, Set.of(), which,
                    List.of(), texts.text(lang, race ? "clusters.error.conflict" : "clusters.error.factRefused"),
                    which.equals("csv") ? sent.get("csv") : null, sent, false);
        }
        String anchor = switch (which) { case "record" -> "#proposals"; case "term" -> "#term"; default -> "#ranking"; };
        return HttpResponse.seeOther(URI.create("/clusters/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "?year=" + y + "&done=" + which + anchor));
    }

    /**
     * The cells of the grid sent, in the order the scores were numbered: "unit name — criterion name" for
     * each non-blank input, so that a fault on "scores[16].points" names the cell the official sees.
     */
    private List<String> cellNames(String code, int y, Map<String, String> sent, String lang) {
        List<String> out = new ArrayList<>();
        try {
            ClusterReview r = service.review(code, y);
            for (var line : r.ranking()) {
                for (var k : r.table().criteria()) {
                    String v = sent.get(ReviewPage.input(line.unit(), k.code()));
                    if (v == null || v.isBlank()) continue;
                    out.add(line.name() + " — " + k.name(lang));
                }
            }
        } catch (ReviewRefused e) {
            return List.of();
        }
        return out;
    }

    private String cellFault(ReviewRefused.Fault f, List<String> cells, String lang) {
        if (f.row() == null && f.field().startsWith("scores[") && f.field().indexOf(']') > 7) {
            try {
                int i = Integer.parseInt(f.field().substring(7, f.field().indexOf(']')));
                if (i < cells.size()) return cells.get(i) + ": " + texts.text(lang, f.key(), f.args());
            } catch (NumberFormatException ignored) {
                // not a grid's index: said as the API says it
            }
        }
        return texts.fault(lang, f);
    }

    /** The grid's inputs at fault: "scores[i].field" names the i-th score sent, in the grid's order. */
    private Set<String> invalid(ReviewRefused e, Map<String, String> sent) {
        List<String> inputs = sent.entrySet().stream().filter(x -> x.getKey().startsWith("p.") && x.getValue() != null && !x.getValue().isBlank())
                .map(Map.Entry::getKey).toList();
        Set<String> out = new HashSet<>();
        for (ReviewRefused.Fault f : e.faults()) {
            out.add(f.field());
            if (f.field().startsWith("scores[")) {
                int i = Integer.parseInt(f.field().substring(7, f.field().indexOf(']')));
                if (i < inputs.size()) out.add(inputs.get(i));
            }
        }
        return out;
    }

    private MutableHttpResponse<?> reviewPage(HttpRequest<?> request, String code, int y, HttpStatus status, Map<String, String> sent,
                                              Set<String> invalid, @Nullable String form, List<String> faults, @Nullable String error) {
        return reviewPage(request, code, y, status, sent, invalid, form, faults, error, null, Map.of(), false);
    }

    /** @param changed the scores changed since the grid was opened: each input that differs shows the points saved now */
    private MutableHttpResponse<?> reviewPage(HttpRequest<?> request, String code, int y, HttpStatus status, Map<String, String> sent,
                                              Set<String> invalid, @Nullable String form, List<String> faults, @Nullable String error,
                                              @Nullable String csv, Map<String, String> all, boolean changed) {
        Map<String, Object> model = model(request, code, y, sent, invalid, changed);
        model.put("errorForm", form);
        model.put("faults", faults);
        model.put("error", error);
        model.put("csvText", csv == null ? "" : csv);
        model.put("headSent", "term".equals(form) ? all.get("head") : null);
        model.put("deputySent", "term".equals(form) ? all.get("deputy") : null);
        String done = request.getParameters().get("done");
        model.put("done", done != null && List.of("scores", "csv", "term", "record").contains(done) ? "clusters.done." + done : null);
        return pages.page(request, status, "year/clusters/cluster", model);
    }

    private Map<String, Object> model(HttpRequest<?> request, String code, int y, Map<String, String> sent, Set<String> invalid,
                                      boolean changed) {
        String lang = Pages.lang(request);
        ClusterReview r = service.review(code, y);
        Map<String, Object> model = pages.model(request, "clusters.review.title");
        Map<String, String> msg = pages.messages().of(lang);
        model.put("title", r.cluster().name() + " · " + y);
        model.put("year", y);
        model.put("r", r);
        model.put("kindText", msg.get("clusters.kind." + r.cluster().kind()));
        model.put("members", service.cluster(code, y).members());
        model.put("criteria", r.table().criteria().stream().map(k -> new String[] {k.code(), k.name(lang),
                k.maxPoints().stripTrailingZeros().toPlainString()}).toList());
        model.put("maxTotal", r.table().maxTotal().stripTrailingZeros().toPlainString());
        model.put("rows", ReviewPage.rows(r, sent, invalid, changed, texts, lang));
        model.put("changedText", views.changedText(r, lang));
        model.put("flag", ReviewPage.list(r.flag(), views, texts, msg, lang));
        model.put("merit", ReviewPage.list(r.merit(), views, texts, msg, lang));
        boolean current = r.recorded() != null && !r.changedSinceRecorded();
        model.put("statusText", current ? texts.text(lang, "clusters.status.RECORDED", r.recorded().by(),
                views.recordedDate(r)) : texts.text(lang, "clusters.status." + r.status()));
        model.put("statusClass", current ? "status-recorded" : "status-" + r.status().name().toLowerCase(Locale.ROOT));
        model.put("recordedText", views.recordedText(r, lang));
        // Recording again is offered only when something it was computed from changed since.
        model.put("recordLabel", r.recorded() == null ? "clusters.record" : r.changedSinceRecorded() ? "clusters.recordAgain" : null);
        model.put("basisText", r.settings().basis() == null ? null : views.basis(r.settings().basis(), lang));
        model.put("canEdit", Pages.hasAny(request, PageRoles.YEAR_EDIT));
        model.put("flagAwardName", r.flag() != null ? r.flag().awardName().in(lang) : r.settings().flagAward());
        model.put("meritAwardName", r.merit() != null ? r.merit().awardName().in(lang) : r.settings().meritAward());
        model.put("self", "/clusters/" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        model.put("todayText", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        return model;
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
