package vn.laurel.api.audit;

import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What signed checkpoints say the chains held: at a length, the head hash. The checkpoint given to
 * verify is one anchor; the others stored with a valid signature of the same key narrow down where a
 * rewritten chain stops matching (between the last one that still matches and the first that does not).
 */
public record Anchors(NavigableMap<Long, Anchor> decisions, NavigableMap<Long, Anchor> flags) {
    /** A head hash at a length, and the checkpoint that says so (for the message). */
    public record Anchor(long length, String hash, String checkpoint) {}

    public static Anchors none() {
        return new Anchors(new TreeMap<>(), new TreeMap<>());
    }
}
