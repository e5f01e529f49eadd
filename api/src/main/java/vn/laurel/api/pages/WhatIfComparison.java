package vn.laurel.api.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer on the edited copy set beside the answer on the stored facts, award by award and
 * criterion by criterion (both as {@link AnswerViews} reads them): which outcomes flipped, and which
 * criteria changed status, so that the page can say why.
 */
final class WhatIfComparison {
    /**
     * One criterion before and after; either side may be missing (a criterion only one answer has).
     * {@code changed}: its status changed; {@code actualChanged}: the value it looked at changed.
     */
    record CriterionChange(String criterion, String explanation, String beforeStatus, String beforeText, String afterStatus,
                           String afterText, String beforeActual, String afterActual, String required, String legalBasis,
                           boolean changed, boolean actualChanged) {}

    /**
     * One award before and after; {@code notes}: what the answer on the copy says of the award beside its criteria
     * (why it is not modelled for the kind, the regime's note), the stored answer's when the copy has none.
     */
    record AwardChange(String code, String name, String beforeOutcome, String beforeText, String afterOutcome, String afterText,
                       boolean flipped, List<CriterionChange> criteria, List<String> notes) {
        AwardChange(String code, String name, String beforeOutcome, String beforeText, String afterOutcome, String afterText,
                    boolean flipped, List<CriterionChange> criteria) {
            this(code, name, beforeOutcome, beforeText, afterOutcome, afterText, flipped, criteria, List.of());
        }

        public long changedCriteria() {
            return criteria.stream().filter(CriterionChange::changed).count();
        }

        /** Open on the page: its outcome or a criterion changed, or it has no criteria and a note says why. */
        public boolean open() {
            return flipped || changedCriteria() > 0 || criteria.isEmpty() && !notes.isEmpty();
        }
    }

    private WhatIfComparison() {}

    /** Every award of either answer, in the order of the what-if answer, then those only the stored answer has. */
    static List<AwardChange> of(List<AnswerViews.AwardView> before, List<AnswerViews.AwardView> after) {
        Map<String, AnswerViews.AwardView> stored = new LinkedHashMap<>();
        before.forEach(a -> stored.put(a.code(), a));
        List<AwardChange> out = new ArrayList<>();
        for (AnswerViews.AwardView a : after) out.add(award(stored.remove(a.code()), a));
        for (AnswerViews.AwardView b : stored.values()) out.add(award(b, null));
        return out;
    }

    private static AwardChange award(AnswerViews.AwardView before, AnswerViews.AwardView after) {
        AnswerViews.AwardView any = after != null ? after : before;
        Map<String, AnswerViews.CriterionRow> old = new LinkedHashMap<>();
        if (before != null) before.criteria().forEach(c -> old.putIfAbsent(c.criterion(), c));
        List<CriterionChange> rows = new ArrayList<>();
        if (after != null) {
            for (AnswerViews.CriterionRow c : after.criteria()) rows.add(criterion(old.remove(c.criterion()), c));
        }
        for (AnswerViews.CriterionRow c : old.values()) rows.add(criterion(c, null));
        String beforeOutcome = before == null ? "" : before.outcome();
        String afterOutcome = after == null ? "" : after.outcome();
        List<String> notes = after != null && after.notes() != null && !after.notes().isEmpty() ? after.notes()
                : before != null && before.notes() != null ? before.notes() : List.of();
        return new AwardChange(any.code(), any.name(), beforeOutcome, before == null ? "—" : before.outcomeText(),
                afterOutcome, after == null ? "—" : after.outcomeText(), !beforeOutcome.equals(afterOutcome), rows, List.copyOf(notes));
    }

    private static CriterionChange criterion(AnswerViews.CriterionRow before, AnswerViews.CriterionRow after) {
        AnswerViews.CriterionRow any = after != null ? after : before;
        String beforeStatus = before == null ? "" : before.status();
        String afterStatus = after == null ? "" : after.status();
        boolean changed = !beforeStatus.equals(afterStatus);
        boolean actualChanged = !Objects.equals(before == null ? null : before.actual(), after == null ? null : after.actual());
        return new CriterionChange(any.criterion(), any.explanation(), beforeStatus, before == null ? "—" : before.statusText(),
                afterStatus, after == null ? "—" : after.statusText(), before == null ? "" : before.actual(),
                after == null ? "" : after.actual(), any.required(), any.legalBasis(), changed, actualChanged);
    }
}
