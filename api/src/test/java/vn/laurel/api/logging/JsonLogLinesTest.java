package vn.laurel.api.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.laurel.api.PostgresTest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped logback.xml with LAUREL_LOG_FORMAT=json: every line is one JSON object, and the lines
 * of a request that saved a decision carry the request's id and the decision's id.
 */
@MicronautTest(transactional = false)
class JsonLogLinesTest extends PostgresTest {
    static final ObjectMapper JSON = new ObjectMapper();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Inject
    @Client("/")
    HttpClient http;

    @BeforeAll
    void jsonLogs() throws Exception {
        configure("json", "/logback.xml");
        Logger root = context().getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        OutputStreamAppender<?> json = (OutputStreamAppender<?>) root.getAppender("json");
        assertThat(json).as("the json appender is the root's").isNotNull();
        assertThat(json.getEncoder()).isInstanceOf(JsonEncoder.class);
        json.setOutputStream(out);
    }

    @AfterAll
    void testLogsAgain() throws Exception {
        configure(null, "/logback-test.xml");
    }

    static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    static void configure(String format, String file) throws Exception {
        LoggerContext c = context();
        c.reset();
        if (format != null) c.putProperty("LAUREL_LOG_FORMAT", format);
        JoranConfigurator j = new JoranConfigurator();
        j.setContext(c);
        j.doConfigure(JsonLogLinesTest.class.getResource(file));
    }

    @Test
    void the_lines_of_a_request_that_saved_a_decision_carry_both_ids() throws Exception {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/api/v1/subjects/P-0001/eligibility?year=2025&awards=ADVANCED_LABORER", "")
                .header(RequestIds.HEADER, "req-json-1"), String.class);
        assertThat(r.header(RequestIds.HEADER)).isEqualTo("req-json-1");
        long decisionId = JSON.readTree(r.body()).get("decisionId").asLong();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(JSON.readTree(line)); // every line is a JSON object
        }
        List<JsonNode> ofRequest = lines.stream().filter(l -> "req-json-1".equals(l.path("mdc").path("requestId").asText())).toList();
        assertThat(ofRequest).as(out.toString(StandardCharsets.UTF_8)).isNotEmpty();
        JsonNode saved = ofRequest.stream().filter(l -> l.path("formattedMessage").asText().startsWith("Decision " + decisionId + " saved"))
                .findFirst().orElseThrow(() -> new AssertionError("no line says the decision was saved: " + ofRequest));
        assertThat(saved.path("mdc").path("decisionId").asText()).isEqualTo(Long.toString(decisionId));
        assertThat(saved.path("level").asText()).isEqualTo("INFO");
        assertThat(saved.path("timestamp").asLong()).isPositive();
    }

    @Test
    void a_request_without_an_id_gets_one_and_a_forged_id_is_replaced() {
        HttpResponse<String> plain = http.toBlocking().exchange(HttpRequest.GET("/health/live"), String.class);
        assertThat(plain.header(RequestIds.HEADER)).matches("[0-9a-f]{16}");
        HttpResponse<String> forged = http.toBlocking().exchange(HttpRequest.GET("/health/live")
                .header(RequestIds.HEADER, "x\",\"level\":\"ERROR"), String.class);
        assertThat(forged.header(RequestIds.HEADER)).matches("[0-9a-f]{16}");
    }
}
