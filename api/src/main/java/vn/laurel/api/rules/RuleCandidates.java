package vn.laurel.api.rules;

import java.util.List;

/**
 * Rule sets likely to be published soon (drafts approved and waiting to be published), so that every
 * instance can compile them ahead: when the publication comes, following it is a swap, not a compile.
 */
public interface RuleCandidates {
    /** An approved draft's content, by its hash. */
    record Candidate(long draftId, String contentHash) {}

    List<Candidate> approved();

    /** The rule files of a candidate zipped as a version is stored (empty when it is no longer a candidate). */
    java.util.Optional<byte[]> rulesZip(long draftId, String contentHash);
}
