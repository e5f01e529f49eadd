package vn.laurel.api.workbench.catalogue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.laurel.api.PostgresTest;
import vn.laurel.api.i18n.ValueTexts;
import vn.laurel.api.pages.AuditViews;
import vn.laurel.api.workbench.Coverage;
import vn.laurel.api.workbench.ScenarioRuns;
import vn.laurel.api.workbench.WorkbenchSource;
import vn.laurel.api.workbench.WorkbenchSources;
import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.regime.Regime;
import vn.laurel.engine.ruleset.RuleSet;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue pages over HTTP, signed in through the form as a browser is: what they show is read
 * from the rule set and the scenario run (compared here with the RuleSet and Coverage computed
 * directly, not with numbers written into the test); bad addresses answer 4xx pages naming the field.
 */
@MicronautTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchCataloguePagesTest extends PostgresTest {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final Pattern ROW = Pattern.compile("data-award=\"([A-Z0-9_]+)\" data-criteria=\"(\\d+)\" data-covered=\"(\\d+)\" data-passing=\"(\\d+)\" data-failing=\"(\\d+)\"");

    @Inject
    EmbeddedServer server;

    @Override
    protected String database() {
        return "laurel_wb_catalogue"; // a draft is opened here
    }
    @Inject
    WorkbenchSources sources;
    @Inject
    ScenarioRuns runs;
    @Inject
    ValueTexts texts;

    @Test
    @Order(1) // first, so that its first load is the one that runs the scenarios
    void the_catalogue_lists_every_award_with_the_coverage_the_scenarios_give() throws Exception {
        HttpClient policy = signedIn("policy");
        long t0 = System.nanoTime();
        HttpResponse<String> first = get(policy, "/workbench?regime=LAW_2022");
        long t1 = System.nanoTime();
        HttpResponse<String> second = get(policy, "/workbench?regime=LAW_2022");
        long t2 = System.nanoTime();
        System.out.printf("catalogue load: first %d ms, second %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).isEqualTo(first.body());

        WorkbenchSource source = sources.active();
        RuleSet rules = source.compiled();
        ScenarioRuns.Run run = runs.of(rules, source.files());
        // The page ran the scenarios once: the run is the one kept for this rule version, not a new one.
        assertThat(runs.of(rules, source.files())).isSameAs(run);
        Coverage coverage = Coverage.of(rules, run);
        Map<String, int[]> shown = new LinkedHashMap<>();
        Matcher m = ROW.matcher(first.body());
        while (m.find()) shown.put(m.group(1), new int[]{Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))});
        assertThat(shown).hasSize(20);
        assertThat(shown.keySet()).containsExactlyInAnyOrderElementsOf(rules.awards().keySet());
        for (String award : rules.awards().keySet()) {
            Coverage.Summary s = coverage.summary("LAW_2022", award);
            assertThat(shown.get(award)).as(award).containsExactly(s.criteria(), s.covered());
            if (s.criteria() > 0) assertThat(first.body()).contains("đã kiểm chứng " + s.covered() + "/" + s.criteria() + " tiêu chí");
        }
        assertThat(first.body()).contains("href=\"/workbench/drafts\"").contains("href=\"/workbench/awards/ADVANCED_LABORER?regime=LAW_2022\"");

        // Without ?regime=: the regime in force today, marked so in the chooser.
        HttpResponse<String> today = get(policy, "/workbench");
        Regime inForce = CatalogueReader.inForce(rules, LocalDate.now(AuditViews.ZONE));
        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).containsPattern("<option value=\"" + inForce.code() + "\" selected=\"selected\"");
    }

    @Test
    void an_award_page_shows_each_criterion_with_the_parameter_value_in_force() throws Exception {
        HttpClient policy = signedIn("policy");
        HttpResponse<String> r = get(policy, "/workbench/awards/ADVANCED_LABORER?regime=LAW_2022");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = unescape(r.body());
        RuleSet rules = sources.active().compiled();
        Parameter p = rules.parameters().get("advanced_laborer.min_service_months");
        LocalDate today = LocalDate.now(AuditViews.ZONE);
        Regime law2022 = rules.regimes().stream().filter(x -> x.code().equals("LAW_2022")).findFirst().orElseThrow();
        LocalDate day = CatalogueReader.valuesDay(law2022, today);
        Object value = p.resolve(day, null).orElseThrow().value();
        // Today and the regime's last day read the same value: the page shows the value in force.
        assertThat(p.resolve(today, null).orElseThrow().value()).isEqualTo(value);
        Matcher row = Pattern.compile("data-param=\"advanced_laborer.min_service_months\">.*?<td class=\"value\">([^<]*)</td>", Pattern.DOTALL).matcher(body);
        assertThat(row.find()).isTrue();
        assertThat(row.group(1)).isEqualTo(texts.value(value, "vi"));
        assertThat(body).contains("id=\"criterion-MIN_SERVICE_MONTHS\"");
        // Every criterion of the award in the regime, each with its legal basis and a link to its rule.
        for (CriterionDefinition c : rules.compiled("LAW_2022").criteriaOf("ADVANCED_LABORER")) {
            assertThat(body).contains("data-criterion=\"" + c.criterion() + "\"").contains(c.legalBasis().vi())
                    .contains("/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=" + c.criterion());
        }
        // The placeholders in words.
        assertThat(body).contains("Số tháng công tác đến hết năm (năm đánh giá): (giá trị thực tế); yêu cầu: (giá trị yêu cầu)");
        // Coverage of the award as computed directly; an uncovered criterion flagged.
        WorkbenchSource source = sources.active();
        Coverage coverage = Coverage.of(rules, runs.of(rules, source.files()));
        Coverage.Summary s = coverage.summary("LAW_2022", "ADVANCED_LABORER");
        assertThat(body).contains("đã kiểm chứng " + s.covered() + "/" + s.criteria() + " tiêu chí");
        long flagged = Pattern.compile("class=\"alert flag-uncovered\"").matcher(body).results().count();
        assertThat(flagged).isEqualTo(s.criteria() - s.covered());
    }

    @Test
    void a_rule_page_reads_the_clause_from_the_drl_and_says_how_it_differs_from_the_previous_regime() throws Exception {
        HttpClient auditor = signedIn("auditor");
        HttpResponse<String> r = get(auditor, "/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER");
        assertThat(r.statusCode()).isEqualTo(200);
        String body = unescape(r.body());
        WorkbenchSource source = sources.active();
        RuleSet rules = source.compiled();
        CriterionDefinition now = criterion(rules, "LAW_2022"), before = criterion(rules, "LAW_2013");
        RuleText text = RuleText.at(source.files().file("rules/" + now.file()).orElseThrow(), now.line()).orElseThrow();
        assertThat(body).contains(text.paraphrase("vi", "LAW_2022")).contains("Hoàn thành tốt nhiệm vụ trở lên (Điều 24 khoản 1 điểm a).");
        assertThat(body).contains(text.then());
        // The legal basis differs from LAW_2013: both shown in the differences table.
        assertThat(before.legalBasis().vi()).isNotEqualTo(now.legalBasis().vi());
        Matcher diff = Pattern.compile("<table id=\"differences\".*?</table>", Pattern.DOTALL).matcher(body);
        assertThat(diff.find()).isTrue();
        assertThat(diff.group()).contains("Căn cứ pháp lý").contains(before.legalBasis().vi()).contains(now.legalBasis().vi());

        // LAW_2013 is the first regime; a criterion new in LAW_2022 says so.
        assertThat(unescape(get(auditor, "/workbench/rules?regime=LAW_2013&award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER").body()))
                .contains("Đây là chế độ đầu tiên được mô hình hóa");
        assertThat(unescape(get(auditor, "/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=EMULATION_PARTICIPATION&lang=en").body()))
                .contains("New in this regime");
    }

    @Test
    void a_draft_is_read_with_links_to_its_editor_and_its_scenarios() throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/ruleset/drafts"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("policy:policy".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"catalogue test\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        String draft = id.group(1);
        HttpClient auditor = signedIn("auditor");
        HttpResponse<String> catalogue = get(auditor, "/workbench?regime=LAW_2022&draft=" + draft);
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(unescape(catalogue.body())).contains("Bản nháp số " + draft).contains("/workbench/awards/ADVANCED_LABORER?regime=LAW_2022&draft=" + draft);
        String award = unescape(get(auditor, "/workbench/awards/ADVANCED_LABORER?regime=LAW_2022&draft=" + draft).body());
        assertThat(award).contains("/workbench/drafts/" + draft + "/scenarios/edit?file=scenarios%2Fadvanced-laborer%2F");
        WorkbenchSource source = sources.draft(Long.parseLong(draft));
        CriterionDefinition c = criterion(source.compiled(), "LAW_2022");
        String rule = unescape(get(auditor, "/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER&draft=" + draft).body());
        assertThat(rule).contains("href=\"/workbench/drafts/" + draft + "/files/rules/" + c.file() + "#L" + c.line() + "\"");
    }

    @Test
    void other_roles_are_refused_and_bad_addresses_answer_a_4xx_page_naming_them() throws Exception {
        HttpClient client = signedIn("client");
        for (String page : List.of("/workbench", "/workbench/awards/ADVANCED_LABORER", "/workbench/rules?award=ADVANCED_LABORER&criterion=RATING_GOOD_OR_BETTER")) {
            assertThat(get(client, page).statusCode()).as(page).isEqualTo(403);
        }
        HttpClient admin = signedIn("admin");
        List<String> wrong = new ArrayList<>();
        expect(admin, "/workbench/awards/NO_SUCH_AWARD", 404, "NO_SUCH_AWARD", wrong);
        expect(admin, "/workbench/awards/NO_SUCH_AWARD?lang=en", 404, "There is no award with code \"NO_SUCH_AWARD\"", wrong);
        expect(admin, "/workbench?regime=LAW_1999", 404, "LAW_1999", wrong);
        expect(admin, "/workbench?regime=%3Cscript%3E", 400, "regime", wrong);
        expect(admin, "/workbench/awards/ADVANCED_LABORER?regime=2022!!", 400, "regime", wrong);
        expect(admin, "/workbench?draft=abc", 400, "draft", wrong);
        expect(admin, "/workbench?draft=99999999", 404, "99999999", wrong);
        expect(admin, "/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER&criterion=NOPE", 404, "NOPE", wrong);
        expect(admin, "/workbench/rules?regime=LAW_2022&award=ADVANCED_LABORER", 400, "criterion", wrong);
        expect(admin, "/workbench/rules?regime=LAW_2022&award=nope&criterion=X", 404, "nope", wrong);
        assertThat(wrong).isEmpty();
    }

    private void expect(HttpClient c, String path, int status, String text, List<String> wrong) throws Exception {
        HttpResponse<String> r = get(c, path);
        String body = unescape(r.body());
        if (r.statusCode() != status || !body.contains(text) || r.body().contains("<script>")) wrong.add(path + ": " + r.statusCode());
    }

    static CriterionDefinition criterion(RuleSet rules, String regime) {
        return rules.compiled(regime).criteriaOf("ADVANCED_LABORER").stream()
                .filter(c -> c.criterion().equals("RATING_GOOD_OR_BETTER")).findFirst().orElseThrow();
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    HttpClient signedIn(String user) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        Matcher m = CSRF.matcher(get(browser, "/login").body());
        assertThat(m.find()).isTrue();
        String form = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&username=" + user + "&password=" + user;
        HttpResponse<String> r = browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("sign-in of " + user).isEqualTo(303);
        return browser;
    }

    HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
