package vn.laurel.api.security;

import io.micronaut.security.authentication.Authentication;

import java.time.Instant;
import java.util.Optional;

/** Where the web sessions are kept; {@link WebSessionStore} in the database, shared by all instances. */
public interface SessionStore {
    /** A stored session, under the hash of its id. */
    record Stored(String idHash, String csrfToken, Authentication user, Instant createdAt, Instant lastSeen) {}

    void insert(Stored session);

    Optional<Stored> find(String idHash);

    void touch(String idHash, Instant lastSeen);

    void delete(String idHash);

    /** Removes the sessions last used at or before {@code idleCutoff}, or opened at or before {@code ageCutoff}; how many. */
    int deleteEnded(Instant idleCutoff, Instant ageCutoff);

    /** Removes the least recently used sessions beyond the newest {@code keep}. */
    void keepNewest(int keep);

    /** Removes a user's least recently used sessions beyond her newest {@code keep}. */
    void keepNewestOf(String username, int keep);

    long count();

    Optional<String> preferredLanguage(String username);

    void savePreferredLanguage(String username, String lang, Instant at);
}
