package vn.laurel.api.security;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The session table's behaviour in memory, for the rules of {@link WebSessions} alone (the table itself: WebSessionsPostgresTest). */
final class MemorySessionStore implements SessionStore {
    final Map<String, Stored> rows = new ConcurrentHashMap<>();
    final Map<String, String> languages = new ConcurrentHashMap<>();

    @Override public void insert(Stored s) { rows.put(s.idHash(), s); }
    @Override public Optional<Stored> find(String idHash) { return Optional.ofNullable(rows.get(idHash)); }
    @Override public void touch(String idHash, Instant lastSeen) {
        rows.computeIfPresent(idHash, (k, s) -> new Stored(k, s.csrfToken(), s.user(), s.createdAt(), lastSeen));
    }
    @Override public void delete(String idHash) { rows.remove(idHash); }
    @Override public int deleteEnded(Instant idleCutoff, Instant ageCutoff) {
        int before = rows.size();
        rows.values().removeIf(s -> !s.lastSeen().isAfter(idleCutoff) || !s.createdAt().isAfter(ageCutoff));
        return before - rows.size();
    }
    @Override public void keepNewest(int keep) {
        rows.values().stream().sorted(Comparator.comparing(Stored::lastSeen).reversed()).skip(keep).toList()
                .forEach(s -> rows.remove(s.idHash()));
    }
    @Override public void keepNewestOf(String username, int keep) {
        rows.values().stream().filter(s -> s.user().getName().equals(username)).sorted(Comparator.comparing(Stored::lastSeen).reversed())
                .skip(keep).toList().forEach(s -> rows.remove(s.idHash()));
    }
    @Override public long count() { return rows.size(); }
    @Override public Optional<String> preferredLanguage(String username) { return Optional.ofNullable(languages.get(username)); }
    @Override public void savePreferredLanguage(String username, String lang, Instant at) { languages.put(username, lang); }
}
