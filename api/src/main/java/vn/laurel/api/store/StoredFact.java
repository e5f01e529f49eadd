package vn.laurel.api.store;

import java.time.Instant;
import java.util.Map;

/**
 * A fact as stored, with its provenance: where it came from, who recorded it and when, and, once
 * corrected, when and by which row it was superseded.
 */
public record StoredFact(String kind, long id, Map<String, Object> values, String source, Instant recordedAt,
                         String recordedBy, Long importId, Instant supersededAt, Long supersededBy) {
    public String factId(FactKind k) { return k.prefix() + ":" + id; }

    public boolean isCurrent() { return supersededAt == null; }
}
