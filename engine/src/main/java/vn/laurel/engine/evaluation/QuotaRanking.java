package vn.laurel.engine.evaluation;

import vn.laurel.engine.history.History;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterUse;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which a cap ranks the eligible candidates: rating in the year (EXCELLENT first), then
 * the initiatives recognised in the year, each weighted by its level, then subject id. No instrument
 * sets this order; the weights are policy parameters (rules/parameters/quota-ranking.yaml), dated and
 * open to an organisation's own values like any other, and every answer a cap ranked lists them.
 */
final class QuotaRanking {
    static final String NATIONAL = "quota.ranking.national_initiative_weight";
    static final String MINISTERIAL_PROVINCIAL = "quota.ranking.ministerial_provincial_initiative_weight";
    static final String GRASSROOTS = "quota.ranking.grassroots_initiative_weight";

    /**
     * The weights of rule versions published before the weights were parameters (no quota-ranking
     * file): a stored version replays as it decided.
     */
    private static final Number[] BEFORE_PARAMETERS = {3, 2, 1};

    private final Number national, ministerialProvincial, grassroots;

    private QuotaRanking(Number national, Number ministerialProvincial, Number grassroots) {
        this.national = national;
        this.ministerialProvincial = ministerialProvincial;
        this.grassroots = grassroots;
    }

    /** The weights in force on the appraisal date for the organisation; the values read go to {@code used}. */
    static QuotaRanking read(Map<String, Parameter> parameters, LocalDate asOf, Organisation organisation,
                             Collection<ParameterUse> used) {
        return new QuotaRanking(weight(parameters, NATIONAL, 0, asOf, organisation, used),
                weight(parameters, MINISTERIAL_PROVINCIAL, 1, asOf, organisation, used),
                weight(parameters, GRASSROOTS, 2, asOf, organisation, used));
    }

    private static Number weight(Map<String, Parameter> parameters, String name, int level, LocalDate asOf,
                                 Organisation organisation, Collection<ParameterUse> used) {
        return Quotas.number(parameters, name, asOf, organisation, used).map(u -> (Number) u.value())
                .orElse(BEFORE_PARAMETERS[level]);
    }

    /** Best first: the higher rating, then the higher weighted initiatives, then the lower subject id. */
    Comparator<History> order(int year) {
        return Comparator.<History>comparingInt(h -> -ratingRank(h, year))
                .thenComparingDouble(h -> -initiativeWeight(h, year))
                .thenComparing(History::getId);
    }

    /** The ranking keys, in order, as the answer states them. */
    List<String> rankedBy() {
        return List.of("rating in the year (EXCELLENT first)",
                "initiatives recognised in the year (national " + national + ", ministerial/provincial " + ministerialProvincial
                        + ", grassroots " + grassroots + ")",
                "subject id");
    }

    private static int ratingRank(History h, int year) {
        Object r = h.ratingIn(year).value();
        return r instanceof Rating rating && rating != Rating.NOT_RATED ? rating.ordinal() + 1 : 0;
    }

    private double initiativeWeight(History h, int year) {
        // initiativesIn counts those of at least the level: the differences are those of exactly each level
        int atLeastNational = count(h, year, InitiativeLevel.NATIONAL);
        int atLeastMinisterial = count(h, year, InitiativeLevel.MINISTERIAL_PROVINCIAL);
        int all = count(h, year, InitiativeLevel.GRASSROOTS);
        return atLeastNational * national.doubleValue() + (atLeastMinisterial - atLeastNational) * ministerialProvincial.doubleValue()
                + (all - atLeastMinisterial) * grassroots.doubleValue();
    }

    private static int count(History h, int year, InitiativeLevel atLeast) {
        return ((Number) h.initiativesIn(year, atLeast).value()).intValue();
    }
}
