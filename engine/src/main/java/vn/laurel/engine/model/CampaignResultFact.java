package vn.laurel.engine.model;

import java.math.BigDecimal;

/**
 * A subject's result in an emulation campaign (phong trào thi đua) for a year: the value of one of the
 * campaign's indicators, as recorded by the body that runs it. The campaign and its participant groups
 * are declared with the rules (rules/campaigns/*.yaml).
 *
 * @param campaign  the campaign's code, e.g. INNOVATION_DX_2025_2030
 * @param group     the participant group the subject takes part in (GOVERNMENT_AGENCIES, BUSINESSES_AND_INSTITUTES…)
 * @param indicator the indicator's code, as the campaign file declares it
 * @param value     the indicator's value (1 and 0 for yes and no)
 */
public record CampaignResultFact(String campaign, Integer year, String group, String indicator, BigDecimal value,
                                 String id, String source) implements Fact {
    public String factType() { return "campaignResult"; }
    public String summary() { return year + " " + campaign + " " + group + " " + indicator + "=" + text(value); }

    /**
     * The value as text: plain digits when it is within what the case format and the store accept (±10^12, a few
     * decimal places), else BigDecimal's exponent form — never a plain string of an unchecked value, which for
     * {@code 1e999999999} would be a billion characters.
     */
    static String text(BigDecimal value) {
        if (value == null) return null;
        boolean small = value.precision() - value.scale() <= 13 && value.scale() <= 10;
        return small ? value.toPlainString() : value.toString();
    }
}
