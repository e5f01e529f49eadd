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
    final WebSessions sessions = new WebSessions(new MemorySessionStore(), Duration.ofMinutes(30), Duration.ofHours(12), clock);
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
    void the_store_never_holds_the_cookie_value() {
        MemorySessionStore store = new MemorySessionStore();
        WebSessions.Session s = new WebSessions(store, Duration.ofMinutes(30), Duration.ofHours(12), clock).open(client);
        assertThat(store.rows).hasSize(1).doesNotContainKey(s.id()).containsKey(WebSessions.hash(s.id()));
        assertThat(WebSessions.hash(s.id())).hasSize(64).isNotEqualTo(s.id());
    }

    @Test
    void a_page_view_writes_the_last_use_at_most_once_a_minute() {
        MemorySessionStore store = new MemorySessionStore();
        WebSessions ws = new WebSessions(store, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        WebSessions.Session s = ws.open(client);
        Instant opened = store.rows.get(WebSessions.hash(s.id())).lastSeen();
        clock.now = clock.now.plusSeconds(30);
        assertThat(ws.find(s.id())).isPresent();
        assertThat(store.rows.get(WebSessions.hash(s.id())).lastSeen()).isEqualTo(opened);
        clock.now = clock.now.plusSeconds(31);
        assertThat(ws.find(s.id())).isPresent();
        assertThat(store.rows.get(WebSessions.hash(s.id())).lastSeen()).isEqualTo(clock.now);
    }

    @Test
    void the_sweep_removes_ended_sessions_only() {
        MemorySessionStore store = new MemorySessionStore();
        WebSessions ws = new WebSessions(store, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        WebSessions.Session idle = ws.open(client);
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        WebSessions.Session fresh = ws.open(Authentication.build("admin", List.of("ADMIN")));
        clock.now = clock.now.plus(Duration.ofMinutes(15)); // idle: 35 minutes; fresh: 15
        assertThat(ws.sweep()).isEqualTo(1);
        assertThat(store.rows).containsOnlyKeys(WebSessions.hash(fresh.id()));
        assertThat(ws.find(idle.id())).isEmpty();
    }

    @Test
    void a_session_ends_after_its_maximum_age_however_busy() {
        WebSessions.Session s = sessions.open(client);
        for (int i = 0; i < 24; i++) {
            clock.now = clock.now.plus(Duration.ofMinutes(29));
            assertThat(sessions.find(s.id())).as("after " + (i + 1) * 29 + " minutes of use").isPresent();
        }
        clock.now = clock.now.plus(Duration.ofMinutes(29)); // 12 h 5 min after sign-in
        assertThat(sessions.find(s.id())).isEmpty();
    }

    @Test
    void one_user_signing_in_again_and_again_keeps_only_her_newest_sessions_and_no_one_else_loses_theirs() {
        MemorySessionStore store = new MemorySessionStore();
        WebSessions ws = new WebSessions(store, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        WebSessions.Session other = ws.open(Authentication.build("admin", List.of("ADMIN")));
        WebSessions.Session first = ws.open(client);
        for (int i = 1; i < 1000; i++) {
            clock.now = clock.now.plusMillis(1);
            ws.open(client);
        }
        assertThat(store.count()).isEqualTo(WebSessions.MAX_PER_USER + 1);
        assertThat(ws.find(first.id())).isEmpty();
        assertThat(ws.find(other.id())).isPresent();
    }

    @Test
    void when_full_the_least_recently_used_session_goes() {
        MemorySessionStore store = new MemorySessionStore();
        WebSessions ws = new WebSessions(store, Duration.ofMinutes(30), Duration.ofHours(12), clock);
        WebSessions.Session oldest = ws.open(Authentication.build("user0", List.of("CLIENT")));
        for (int i = 1; i < WebSessions.MAX_SESSIONS; i++) {
            clock.now = clock.now.plusMillis(1);
            ws.open(Authentication.build("user" + i, List.of("CLIENT")));
        }
        clock.now = clock.now.plusMillis(1);
        WebSessions.Session newest = ws.open(Authentication.build("newest", List.of("CLIENT")));
        assertThat(store.count()).isEqualTo(WebSessions.MAX_SESSIONS);
        assertThat(ws.find(oldest.id())).isEmpty();
        assertThat(ws.find(newest.id())).isPresent();
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
