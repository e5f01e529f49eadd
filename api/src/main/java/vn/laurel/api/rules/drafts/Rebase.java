package vn.laurel.api.rules.drafts;

import vn.laurel.engine.ruleset.RuleBundle;

import java.util.*;

/**
 * A draft's changes carried onto newer rules: file by file, never line by line. Rules are law; a
 * merge inside a file could join two reviewed texts into one nobody reviewed, so a file changed on
 * both sides (to different contents) is a conflict for a person to resolve.
 */
public final class Rebase {
    private Rebase() {}

    /** The files the draft and the newer rules both changed since the base, to different contents. */
    public static List<String> conflicts(RuleBundle base, RuleBundle draft, RuleBundle newer) {
        Set<String> theirs = FileChanges.between(base, newer).paths();
        List<String> out = new ArrayList<>();
        for (String path : FileChanges.between(base, draft).paths()) {
            if (!theirs.contains(path)) continue;
            byte[] mine = draft.files().get(path), other = newer.files().get(path);
            if (!Arrays.equals(mine, other)) out.add(path);
        }
        return out;
    }

    /** The newer rules with the draft's changes applied; only meaningful without conflicts. */
    public static RuleBundle apply(RuleBundle base, RuleBundle draft, RuleBundle newer) {
        RuleBundle out = newer;
        for (String path : FileChanges.between(base, draft).paths()) {
            byte[] mine = draft.files().get(path);
            out = mine == null ? out.without(path) : out.with(path, mine);
        }
        return out;
    }
}
