package vn.laurel.api.security;

import io.micronaut.security.authentication.Authentication;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebSessionsTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-06T10:00:00Z");
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    final MovableClock clock = new MovableClock();
    final WebSessions sessions = new WebSessions(Duration.ofMinutes(30), clock);
    final Authentication client = Authentication.build("client", List.of("CLIENT"));

    @Test
    void a_session_lives_while_used_and_ends_after_the_idle_timeout() {
        WebSessions.Session s = sessions.open(client);
        clock.now = clock.now.plus(Duration.ofMinutes(29));
        assertThat(sessions.find(s.id())).isPresent();
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // 29 minutes after the last use: still alive
        assertThat(sessions.find(s.id())).map(WebSessions.Session::user).contains(client);
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void sign_out_ends_the_session_and_ids_are_random() {
        WebSessions.Session a = sessions.open(client);
        WebSessions.Session b = sessions.open(client);
        assertThat(a.id()).isNotEqualTo(b.id()).hasSize(43);
        assertThat(a.csrfToken()).isNotEqualTo(a.id()).isNotEqualTo(b.csrfToken());
        sessions.close(a.id());
        assertThat(sessions.find(a.id())).isEmpty();
        assertThat(sessions.find(b.id())).isPresent();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) tokens.add(WebSessions.token());
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void the_csrf_token_must_match_exactly() {
        WebSessions.Session s = sessions.open(client);
        assertThat(s.csrfMatches(s.csrfToken())).isTrue();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(s.csrfToken() + "x")).isFalse();
        assertThat(WebSessions.sameToken("", "")).isFalse();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("x".repeat(1000))).isEmpty();
    }

    @Test
    void the_api_never_reads_a_session_cookie() {
        assertThat(SessionAuthenticationFetcher.isApi("/api/v1/decisions")).isTrue();
        assertThat(SessionAuthenticationFetcher.isApi("/api")).isTrue();
        assertThat(SessionAuthenticationFetcher.isApi("/apiary")).isFalse();
        assertThat(SessionAuthenticationFetcher.isApi("/search")).isFalse();
    }
}
