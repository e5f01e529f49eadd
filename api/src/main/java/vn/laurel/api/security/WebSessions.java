package vn.laurel.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions of the web workbench's pages: kept in this instance's memory, each under an id of 256
 * random bits (the cookie's value) with its own CSRF token, dropped after {@code laurel.web.idle-timeout}
 * without a request, at sign-out, or when the instance stops. The API never reads them: it keeps its
 * Basic accounts and bearer tokens ({@link SessionAuthenticationFetcher} ignores /api/**).
 *
 * <p>Written here rather than taken from micronaut-security-session: that module's login handler,
 * its redirects to a login page and its CSRF filter all follow {@code micronaut.security.redirect},
 * which Laurel keeps off so that the API answers 401 problem documents and never redirects.
 */
@Singleton
public class WebSessions {
    public static final String COOKIE = "LAUREL_SESSION";
    /** A cap on sessions held at once, so that a flood of sign-ins cannot fill the heap. */
    static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Duration idleTimeout;
    private final Clock clock;

    public WebSessions(@Value("${laurel.web.idle-timeout:30m}") Duration idleTimeout) {
        this(idleTimeout, Clock.systemUTC());
    }

    WebSessions(Duration idleTimeout, Clock clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("laurel.web.idle-timeout must be positive");
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A signed-in user's session. */
    public static final class Session {
        private final String id;
        private final String csrfToken;
        private final Authentication user;
        private volatile Instant lastSeen;

        Session(String id, String csrfToken, Authentication user, Instant lastSeen) {
            this.id = id;
            this.csrfToken = csrfToken;
            this.user = user;
            this.lastSeen = lastSeen;
        }

        public String id() { return id; }
        public String csrfToken() { return csrfToken; }
        public Authentication user() { return user; }

        /** Whether {@code token} is this session's CSRF token (compared in constant time). */
        public boolean csrfMatches(String token) {
            return WebSessions.sameToken(csrfToken, token);
        }
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** A new session for a user who has just signed in: always a new id (no session fixation). */
    public Session open(Authentication user) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) purge(now);
        if (sessions.size() >= MAX_SESSIONS) {
            // Still full of live sessions: the least recently used goes.
            sessions.values().stream().min(java.util.Comparator.comparing(s -> s.lastSeen)).ifPresent(s -> sessions.remove(s.id));
        }
        Session s = new Session(token(), token(), user, now);
        sessions.put(s.id, s);
        return s;
    }

    /** The live session of this id, its idle clock restarted; an expired one is dropped. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
        Session s = sessions.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (expired(s, now)) {
            sessions.remove(id, s);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    public void close(String id) {
        if (id != null) sessions.remove(id);
    }

    int size() {
        return sessions.size();
    }

    private boolean expired(Session s, Instant now) {
        return !s.lastSeen.plus(idleTimeout).isAfter(now);
    }

    private void purge(Instant now) {
        sessions.values().removeIf(s -> expired(s, now));
    }

    /** 256 random bits, URL-safe Base64: a session id or a CSRF token. */
    public static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Constant-time comparison of a token with what a form sent (null or empty never matches). */
    public static boolean sameToken(String expected, String given) {
        if (expected == null || given == null || expected.isEmpty()) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
