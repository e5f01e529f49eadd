package vn.laurel.api.workbench.parameters;

import java.time.LocalDate;

/**
 * A dated value to add to a parameter, checked: its value already typed as the parameter's values are
 * (Integer, BigDecimal, Boolean or a code word), at most one of organisation and sector.
 */
public record NewValue(LocalDate from, Object value, String reference, String confidence, String organisation, String sector) {
    public boolean sameScope(String otherOrganisation, String otherSector) {
        return java.util.Objects.equals(organisation, otherOrganisation) && java.util.Objects.equals(sector, otherSector);
    }
}
