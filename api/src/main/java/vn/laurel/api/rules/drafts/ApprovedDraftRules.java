package vn.laurel.api.rules.drafts;

import jakarta.inject.Singleton;
import vn.laurel.api.rules.RuleCandidates;

import java.util.*;

/** {@link RuleCandidates} read from the drafts: those approved and not yet published, and their rule files. */
@Singleton
public class ApprovedDraftRules implements RuleCandidates {
    private static final int MAX = 8; // a handful wait at any time; more would only be compiled for nothing

    private final DraftStore drafts;

    public ApprovedDraftRules(DraftStore drafts) {
        this.drafts = drafts;
    }

    @Override
    public List<Candidate> approved() {
        return drafts.approved(MAX);
    }

    @Override
    public Optional<byte[]> rulesZip(long draftId, String contentHash) {
        return drafts.approvedRulesZip(draftId, contentHash);
    }
}
