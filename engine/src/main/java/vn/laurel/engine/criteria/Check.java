package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Status;
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
     * Names this check with values put into the name: {@code {0}} in both texts is replaced by the
     * first value, {@code {1}} by the second, and so on — a plain replacement, so quotes and braces
     * need no escaping. A number is written as Java writes it ({@code 3}, {@code 2.5}): pass
     * {@code $e.param("…").intValue()} for a whole number of years.
     * <pre>  .as("từ {0} năm trở lên", "at least {0} years", $e.param("x.min_years").intValue())</pre>
     */
    public Check as(String vi, String en, Object... values) {
        return as(fill(vi, values), fill(en, values));
    }

    private static String fill(String text, Object... values) {
        if (text == null || values == null) return text;
        String out = text;
        for (int i = 0; i < values.length; i++) out = out.replace("{" + i + "}", String.valueOf(values[i]));
        return out;
    }

    /**
     * "Or, where a policy switch allows it, this other way": this check alone when {@code allowed} is
     * false; otherwise either of the two ({@link #anyOf}), named {@code vi}/{@code en}.
     * <pre>  national.orIf($e.flag("x.two_ministerial_suffice"), ministerial, "danh hiệu …", "titles …")</pre>
     */
    public Check orIf(boolean allowed, Check alternative, String vi, String en) {
        return allowed ? anyOf(this, alternative).as(vi, en) : this;
    }

    /**
     * A choice between two checks by a yes/no fact about the subject (is a manager? trained at college
     * or below?): {@code whenTrue} when the fact is true, {@code whenFalse} when it is false. When the
     * fact is not recorded no branch can be chosen: the answer needs review and says why, in the words
     * {@code viUnknown}/{@code enUnknown}.
     */
    public static Check ifTrue(Measure condition, Check whenTrue, Check whenFalse, String viUnknown, String enUnknown) {
        if (condition.value() == null) return allOf(condition.isTrue().as(viUnknown, enUnknown));
        return Boolean.TRUE.equals(condition.value()) ? whenTrue : whenFalse;
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
