package vn.laurel.api.councils;

import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The share of all members of a council that must vote in favour: at least {@code share}, or strictly more
 * when {@code strictlyMore}. Read from the parameter {@code council.vote_share.<AWARD>} of the rules in
 * service (rules/parameters/council-vote.yaml), else {@code council.vote_share.default}, else the service's
 * own default (more than half) when the rules in service have neither.
 *
 * @param own        whether the award has a threshold of its own (then a ballot is required before proposing it)
 * @param scope      which value applied: "national", "organisation X", "sector Y", or "service default"
 */
public record Threshold(BigDecimal share, boolean strictlyMore, String parameter, String scope, String reference,
                        String confidence, boolean own) {
    static final String PREFIX = "council.vote_share.";
    static final String DEFAULT = PREFIX + "default";
    /** The scope of the service's own default, used when the rules in service have no value at all. */
    public static final String SERVICE_DEFAULT = "service default";
    /**
     * The service default's reference: not a legal text but the service's own choice, so it is said in
     * the reader's language — this key of the councils bundle — rather than stored in one language.
     */
    public static final String SERVICE_DEFAULT_REFERENCE = "councils.threshold.serviceDefault";

    /** The threshold in force on {@code on} for the council's organisation. */
    public static Threshold of(RuleSet rules, String award, LocalDate on, Organisation organisation) {
        Optional<ParameterUse> own = use(rules, PREFIX + award, on, organisation);
        if (own.isPresent()) return from(own.get(), true);
        Optional<ParameterUse> fallback = use(rules, DEFAULT, on, organisation);
        if (fallback.isPresent()) return from(fallback.get(), false);
        return new Threshold(new BigDecimal("0.5"), true, DEFAULT, SERVICE_DEFAULT, SERVICE_DEFAULT_REFERENCE, "UNCONFIRMED", false);
    }

    /** Whether the award has a threshold of its own in force (NĐ 98/2023 art. 30.7 and its successors). */
    public static boolean required(RuleSet rules, String award, LocalDate on, Organisation organisation) {
        return use(rules, PREFIX + award, on, organisation).isPresent();
    }

    private static Optional<ParameterUse> use(RuleSet rules, String name, LocalDate on, Organisation organisation) {
        Parameter p = rules.parameters().get(name);
        return p == null ? Optional.empty() : p.resolve(on, organisation);
    }

    private static Threshold from(ParameterUse use, boolean own) {
        Object v = use.value();
        String text = String.valueOf(v).strip();
        boolean strict = text.startsWith(">");
        BigDecimal share;
        try {
            share = new BigDecimal(strict ? text.substring(1).strip() : text);
        } catch (NumberFormatException e) {
            // A value the service cannot read must not let a ballot pass: nothing but all members will do.
            share = BigDecimal.ONE;
            strict = false;
        }
        return new Threshold(share, strict, use.name(), use.scope(), use.reference(), use.confidence(), own);
    }

    /** Whether {@code inFavour} of {@code members} reaches the threshold (compared exactly, not on a rounded share). */
    public boolean passes(int inFavour, int members) {
        if (members <= 0) return false;
        int c = BigDecimal.valueOf(inFavour).compareTo(share.multiply(BigDecimal.valueOf(members)));
        return strictlyMore ? c > 0 : c >= 0;
    }

    /** The share in favour, to four places, as stored with the ballot. */
    public static BigDecimal share(int inFavour, int members) {
        return members <= 0 ? BigDecimal.ZERO : BigDecimal.valueOf(inFavour).divide(BigDecimal.valueOf(members), 4, RoundingMode.HALF_UP);
    }

    /** How many members in favour are needed out of {@code members}. */
    public int needed(int members) {
        BigDecimal exact = share.multiply(BigDecimal.valueOf(members));
        int n = exact.setScale(0, RoundingMode.CEILING).intValue();
        if (strictlyMore && exact.compareTo(BigDecimal.valueOf(n)) == 0) n++;
        return Math.min(Math.max(n, 0), members + (strictlyMore ? 1 : 0));
    }

    /** Whether this is the service's own default (its reference is then a bundle text, {@link #SERVICE_DEFAULT_REFERENCE}). */
    public boolean serviceDefault() {
        return SERVICE_DEFAULT.equals(scope);
    }

    /** "≥ 90%" or "> 50%". */
    public String text() {
        return (strictlyMore ? "> " : "≥ ") + share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
