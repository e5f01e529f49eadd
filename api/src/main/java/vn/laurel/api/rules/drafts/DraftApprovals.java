package vn.laurel.api.rules.drafts;

import jakarta.inject.Singleton;
import vn.laurel.api.rules.changes.RuleChangeLog.Action;
import vn.laurel.api.rules.changes.RuleChangeLog.Entry;

import java.util.*;

/**
 * Which approvals of a draft count, read from the rule-set change log in the caller's transaction
 * (its step's {@link DraftStore.Tx}).
 * An approval counts when it was given after the draft's latest proposal (by the log's sequence, one
 * order for every instance, not their clocks), for the content proposed, by someone who changed none
 * of it. A rebase after the proposal keeps them: it adds only files already published; its content
 * hash joins the proposed one. A draft that is neither PROPOSED nor APPROVED has none that count.
 */
@Singleton
public class DraftApprovals {
    /** One APPROVED change per reviewer, oldest first. */
    List<Entry> counting(DraftStore.Tx tx, Draft d) {
        if (d.status() != DraftStatus.PROPOSED && d.status() != DraftStatus.APPROVED) return List.of();
        Optional<Entry> proposed = tx.latest(d.id(), Action.PROPOSED);
        if (proposed.isEmpty()) return List.of();
        Set<String> reviewed = new HashSet<>();
        reviewed.add(proposed.get().contentHash());
        Set<String> changedIt = new HashSet<>(tx.contributors(d.id()));
        changedIt.add(d.author());
        Map<String, Entry> byReviewer = new LinkedHashMap<>();
        for (Entry e : tx.since(d.id(), proposed.get().sequence(), Action.APPROVED, Action.REBASED)) {
            if (Action.REBASED.name().equals(e.action())) reviewed.add(e.contentHash());
            else if (reviewed.contains(e.contentHash()) && !changedIt.contains(e.actor())) byReviewer.putIfAbsent(e.actor(), e);
        }
        // Content that is neither the proposal nor its rebase was changed without going back to OPEN: nothing counts for it.
        return reviewed.contains(d.contentHash()) ? List.copyOf(byReviewer.values()) : List.of();
    }
}
