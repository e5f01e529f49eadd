package vn.laurel.api.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import vn.laurel.api.ThrowawayPostgres;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20 review 8: a value a client chose cannot end a log line and forge the next one. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogForgingTest implements TestPropertyProvider {
    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("datasources.default.url", "jdbc:h2:mem:laurel-log-forging;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "laurel.rules.dir", ThrowawayPostgres.repoRoot().resolve("rules").toString(),
                "laurel.demo.dir", ThrowawayPostgres.repoRoot().resolve("examples/demo").toString());
    }

    @Test
    void line_breaks_and_control_characters_are_escaped() {
        assertThat(RequestIds.clean("X\n12:00:00.000 ERROR forged\r\u0007\u2028\u202e\\")).isEqualTo("X\\u000a12:00:00.000 ERROR forged\\u000d\\u0007\\u2028\\u202e\\\\");
        assertThat(RequestIds.clean("P-0001 Nguyễn")).isEqualTo("P-0001 Nguyễn");
        assertThat(RequestIds.clean("a".repeat(500))).hasSize(201);
        assertThat(RequestIds.clean(null)).isNull();
    }

    @Test
    void a_saved_what_if_whose_subject_id_holds_a_line_break_logs_one_line() {
        Logger logger = (Logger) LoggerFactory.getLogger(RequestIds.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(lines);
        try {
            String forged = "X\\n12:00:00.000 ERROR vn.laurel.Forged - [abc] admin signed in\\r";
            String doc = "{\"asOf\":\"2026-01-15\",\"year\":2025,\"awards\":[\"ADVANCED_LABORER\"],"
                    + "\"subject\":{\"id\":\"" + forged + "\",\"kind\":\"PERSON\",\"name\":\"Thử\",\"hiredOn\":\"2019-03-01\","
                    + "\"ratings\":[{\"year\":2025,\"rating\":\"EXCELLENT\"}]}}";
            String answer = http.toBlocking().retrieve(HttpRequest.POST("/api/v1/evaluations?save=true", doc).contentType(MediaType.APPLICATION_JSON));
            assertThat(answer).contains("decisionId");
            List<String> saved = lines.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.startsWith("Decision ")).toList();
            assertThat(saved).isNotEmpty();
            assertThat(saved).allSatisfy(m -> assertThat(m).doesNotContain("\n").doesNotContain("\r").contains("X\\u000a12:00:00.000 ERROR"));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
            MDC.clear();
        }
    }
}
