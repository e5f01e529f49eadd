package vn.laurel.api.clusters;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A cluster's scoring table (bảng chấm điểm): its criteria and their points, as the board edits them,
 * dated like a parameter — a review uses the table in force on the last day of its year.
 *
 * @param validFrom when the table came into force; null when the cluster has none yet
 */
public record ScoringTable(LocalDate validFrom, List<Criterion> criteria) {
    public ScoringTable {
        criteria = List.copyOf(criteria);
    }

    /** One line of the table: its code, its name in Vietnamese (and English), the most points it gives. */
    public record Criterion(String code, String nameVi, String nameEn, BigDecimal maxPoints) {
        public String name(String lang) {
            return "en".equals(lang) && nameEn != null && !nameEn.isBlank() ? nameEn : nameVi;
        }
    }

    public Optional<Criterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public BigDecimal maxTotal() {
        return criteria.stream().map(Criterion::maxPoints).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
