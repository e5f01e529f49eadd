package vn.laurel.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The sessions of the web workbench's pages: kept in the database ({@link SessionStore}), so that every
 * instance knows them, each under an id of 256 random bits (the cookie's value; only its SHA-256 is
 * stored) with its own CSRF token, ended after {@code laurel.web.idle-timeout} without a request or at
 * sign-out. The API never reads them: it keeps its Basic accounts and bearer tokens
 * ({@link SessionAuthenticationFetcher} ignores /api/**).
 *
 * <p>Written here rather than taken from micronaut-security-session: that module's login handler,
 * its redirects to a login page and its CSRF filter all follow {@code micronaut.security.redirect},
 * which Laurel keeps off so that the API answers 401 problem documents and never redirects.
 */
@Singleton
public class WebSessions {
    public static final String COOKIE = "LAUREL_SESSION";
    /** A cap on sessions held at once, so that a flood of sign-ins cannot fill the table. */
    static final int MAX_SESSIONS = 10_000;
    /** Sessions one user may hold at once (browsers, devices); her least recently used goes first. */
    static final int MAX_PER_USER = 20;
    /** A session's last use is written at most this often: a page view is not a write each time. */
    static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionStore store;
    private final Duration idleTimeout;
    private final Duration maxAge;
    private final Clock clock;

    @Inject
    public WebSessions(SessionStore store, @Value("${laurel.web.idle-timeout:30m}") Duration idleTimeout,
                       @Value("${laurel.web.max-age:12h}") Duration maxAge) {
        this(store, idleTimeout, maxAge, Clock.systemUTC());
    }

    WebSessions(SessionStore store, Duration idleTimeout, Duration maxAge, Clock clock) {
        if (idleTimeout.isNegative() || idleTimeout.isZero()) throw new IllegalArgumentException("laurel.web.idle-timeout must be positive");
        if (maxAge.compareTo(idleTimeout) < 0) throw new IllegalArgumentException("laurel.web.max-age must be at least laurel.web.idle-timeout");
        this.store = store;
        this.idleTimeout = idleTimeout;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** A signed-in user's session. */
    public record Session(String id, String csrfToken, Authentication user) {
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
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (store.count() >= MAX_SESSIONS) {
            store.deleteEnded(now.minus(idleTimeout), now.minus(maxAge));
            // Still full of live sessions: the least recently used go.
            if (store.count() >= MAX_SESSIONS) store.keepNewest(MAX_SESSIONS - 1);
        }
        // One person signing in again and again must not push everyone else out.
        store.keepNewestOf(user.getName(), MAX_PER_USER - 1);
        Session s = new Session(token(), token(), user);
        store.insert(new SessionStore.Stored(hash(s.id()), s.csrfToken(), user, now, now));
        return s;
    }

    /** The live session of this id, its idle clock restarted; an expired one is dropped. */
    public Optional<Session> find(String id) {
        if (id == null || id.isEmpty() || id.length() > 100) return Optional.empty();
        String key = hash(id);
        Optional<SessionStore.Stored> stored = store.find(key);
        if (stored.isEmpty()) return Optional.empty();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Idle too long, or signed in too long ago: roles are read at sign-in, so a session must end some day.
        if (!stored.get().lastSeen().plus(idleTimeout).isAfter(now) || !stored.get().createdAt().plus(maxAge).isAfter(now)) {
            store.delete(key);
            return Optional.empty();
        }
        if (!stored.get().lastSeen().plus(TOUCH_EVERY).isAfter(now)) store.touch(key, now);
        return Optional.of(new Session(id, stored.get().csrfToken(), stored.get().user()));
    }

    /** Removes every session that has ended (idle too long or too old); how many. */
    public int sweep() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return store.deleteEnded(now.minus(idleTimeout), now.minus(maxAge));
    }

    public void close(String id) {
        if (id != null && !id.isEmpty() && id.length() <= 100) store.delete(hash(id));
    }

    /** The language a user chose for the pages, if ever. */
    public Optional<String> preferredLanguage(String username) {
        return store.preferredLanguage(username);
    }

    public void savePreferredLanguage(String username, String lang) {
        store.savePreferredLanguage(username, lang, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    long size() {
        return store.count();
    }

    /** The SHA-256 of a session id, in hex: what the store keeps instead of the id. */
    public static String hash(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
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
