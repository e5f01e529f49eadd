package vn.laurel.api.rules.drafts;

import vn.laurel.engine.ruleset.RuleBundle;

import java.util.*;

/** Which files one bundle adds, changes and removes compared with another, each list in path order. */
public record FileChanges(List<String> added, List<String> changed, List<String> removed) {
    public static FileChanges between(RuleBundle from, RuleBundle to) {
        List<String> added = new ArrayList<>(), changed = new ArrayList<>(), removed = new ArrayList<>();
        to.files().forEach((path, bytes) -> {
            byte[] before = from.files().get(path);
            if (before == null) added.add(path);
            else if (!Arrays.equals(before, bytes)) changed.add(path);
        });
        from.files().keySet().forEach(path -> {
            if (!to.files().containsKey(path)) removed.add(path);
        });
        return new FileChanges(List.copyOf(added), List.copyOf(changed), List.copyOf(removed));
    }

    /** Every path touched, in path order. */
    public SortedSet<String> paths() {
        SortedSet<String> all = new TreeSet<>(added);
        all.addAll(changed);
        all.addAll(removed);
        return all;
    }

    public boolean none() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
