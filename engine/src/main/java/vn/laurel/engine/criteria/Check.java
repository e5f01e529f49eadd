package vn.laurel.engine.criteria;

import vn.laurel.engine.policy.Localized;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of comparing a measured value with a requirement.
 *
 * @param label    a name for this check inside a composite ("2 consecutive grassroots titles"), in vi and en
 * @param branches the parts of a composite made with {@link #anyOf} or {@link #allOf}
 * @param detail   what the actual value is made of, in vi and en
 */
public record Check(Status status, Object actual, Requirement required, List<Evidence> evidence, Localized label,
                    List<Check> branches, Localized detail) {
    public Check {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        branches = branches == null ? List.of() : List.copyOf(branches);
    }

    public Check(Status status, Object actual, Requirement required, List<Evidence> evidence) {
        this(status, actual, required, evidence, null, List.of(), null);
    }

    /** Names this check, for the sentence that explains a composite: {@code .as("vi", "en")}. */
    public Check as(String vi, String en) {
        return new Check(status, actual, required, evidence, new Localized(vi, en), branches, detail);
    }

    /**
     * Alternatives ("any one of"): met when one branch is met; otherwise needs review when a branch
     * does; otherwise not met.
     */
    public static Check anyOf(Check... branches) {
        return composite(decided(Status.MET, Status.NOT_MET, branches), Requirement.Operator.ANY_OF, branches);
    }

    /** Conditions that must all hold ("and within that period…"): the worst branch decides. */
    public static Check allOf(Check... branches) {
        return composite(decided(Status.NOT_MET, Status.MET, branches), Requirement.Operator.ALL_OF, branches);
    }

    /** Of a composite: {@code decisive} when a branch is; else needs review when a branch does; else {@code otherwise}. */
    private static Status decided(Status decisive, Status otherwise, Check... branches) {
        boolean decides = false, review = false;
        for (Check b : branches) {
            decides |= b.status == decisive;
            review |= b.status == Status.NEEDS_REVIEW;
        }
        return decides ? decisive : review ? Status.NEEDS_REVIEW : otherwise;
    }

    private static Check composite(Status status, Requirement.Operator operator, Check... branches) {
        List<Object> actuals = new ArrayList<>();
        List<Object> required = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Check b : branches) {
            actuals.add(b.actual);
            required.add(b.required);
            evidence.addAll(b.evidence);
        }
        return new Check(status, actuals, new Requirement(operator, required), evidence, null, List.of(branches), null);
    }
}
