package vn.laurel.api.workbench;

import io.micronaut.core.annotation.Nullable;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;

/**
 * What a workbench page reads: the rules in service, or a draft. The files are the bundle (rules/…,
 * scenarios/…); the compiled rules are null for a draft whose rules do not compile (its check says why).
 *
 * @param draftId  null for the rules in service
 * @param revision the stored revision of the rules in service, or the draft's base revision
 */
public record WorkbenchSource(@Nullable Long draftId, long revision, RuleBundle files, @Nullable RuleSet compiled) {
    public boolean isDraft() {
        return draftId != null;
    }
}
