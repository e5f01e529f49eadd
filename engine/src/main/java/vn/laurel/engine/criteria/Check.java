package vn.laurel.engine.criteria;

import java.util.ArrayList;
import java.util.List;

/** The outcome of comparing a measured value with a requirement. */
public record Check(Status status, Object actual, Requirement required, List<Evidence> evidence) {
    public Check {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /**
     * Alternatives ("any one of"): met when one branch is met; otherwise needs review when a branch
     * does; otherwise not met. The actual value lists each branch's actual value.
     */
    public static Check anyOf(Check... branches) {
        Status status = Status.NOT_MET;
        List<Object> actuals = new ArrayList<>();
        List<Object> required = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (Check b : branches) {
            if (b.status == Status.MET) status = Status.MET;
            else if (b.status == Status.NEEDS_REVIEW && status != Status.MET) status = Status.NEEDS_REVIEW;
            actuals.add(b.actual);
            required.add(b.required);
            evidence.addAll(b.evidence);
        }
        return new Check(status, actuals, new Requirement(Requirement.Operator.ANY_OF, required), evidence);
    }
}
