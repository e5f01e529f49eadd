package vn.laurel.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of a verification: how many decision and flag records were checked, and the first
 * problem found. {@code chain} says which chain it is in ("decisions" or "flags").
 */
public record Verification(boolean intact, long checked, long flagsChecked, Problem firstProblem) {
    /**
     * ALTERED: a record no longer matches its hash; INSERTED: a row outside the chain, or one whose
     * previous hash does not match; DELETED: a gap, a chain shorter than its head or a checkpoint says;
     * REWRITTEN: the chain is consistent in itself but no longer leads to a signed checkpoint's hash.
     */
    public record Problem(String chain, String kind, Long decisionId, Long sequence, String detail) {}

    static Verification broken(long checked, long flagsChecked, Problem p) {
        return new Verification(false, checked, flagsChecked, p);
    }

    public Verification withFlags(long flags, Problem flagProblem) {
        return new Verification(intact && flagProblem == null, checked, flags, firstProblem != null ? firstProblem : flagProblem);
    }

    public Map<String, Object> view() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("intact", intact);
        v.put("checked", checked);
        v.put("flagsChecked", flagsChecked);
        if (!intact) v.put("firstProblem", firstProblem);
        return v;
    }
}
