package vn.laurel.api.rules.drafts;

import jakarta.inject.Singleton;
import vn.laurel.engine.ruleset.RuleBundle;

/**
 * PLACEHOLDER for issue 15 Part B, which writes the real drafts service: Part A (reload, the directory
 * watch) calls {@link #createFromBundle} when approvals are required. Replaced by Part B's class at merge.
 */
@Singleton
public class DraftService {
    /** A draft of the whole bundle on top of a base revision, by its author; returns the draft's view. */
    public Object createFromBundle(RuleBundle bundle, long baseRevisionId, String by, String title) {
        throw new UnsupportedOperationException("drafts arrive with issue 15 Part B");
    }
}
