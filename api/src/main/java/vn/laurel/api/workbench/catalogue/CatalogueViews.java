package vn.laurel.api.workbench.catalogue;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What the catalogue pages show, ready for the templates (texts already in the page's language). */
public final class CatalogueViews {
    private CatalogueViews() {}

    /** A regime in the chooser: its code, name, dates in words, whether it is in force today, whether chosen. */
    public record RegimeChoice(String code, String name, String dates, boolean today, boolean selected, boolean provisional) {}

    /** A row of the catalogue: an award and how well its criteria in the chosen regime are proven by scenarios. */
    public record AwardRow(String code, String name, String category, String kinds, int criteria, int covered,
                           String coverage, int passing, int failing, String href) {
        public boolean fullyCovered() {
            return criteria > 0 && covered == criteria;
        }
    }

    /** A scenario as it bears on a criterion: its name, path, last result, and a link when reading a draft. */
    public record ScenarioView(String name, String path, boolean passed, String expected, @Nullable String href) {}

    /** A value of a parameter: where it applies (nation, a sector, an organisation), the value, from when, the reference. */
    public record ValueView(String scope, String value, String from, String reference) {}

    /**
     * A parameter a rule reads, with the national value in force on the page's date (null: none in force)
     * and every organisation or sector override of it.
     */
    public record ParameterView(String name, String description, String unit, String confidence, String confidenceMeaning,
                                @Nullable ValueView inForce, List<ValueView> overrides, String file) {}

    /** A criterion of an award in a regime, as the award page lists it. */
    public record CriterionView(String code, String sentence, String templateVi, String templateEn, String legalBasis,
                                String legalBasisOther, String confidence, String confidenceMeaning, String fileLine,
                                List<ParameterView> parameters, List<ScenarioView> deciding, List<ScenarioView> testing,
                                boolean covered, boolean fired, String ruleHref) {}

    /** One way a criterion differs from the previous regime: what, as it was, as it is. */
    public record Difference(String aspect, String before, String after, boolean code) {}

    /**
     * A rule read as the law.
     *
     * @param previous     the previous regime's name, null for the first regime
     * @param isNew        true when the previous regime had no such criterion for the award
     * @param differences  empty with a previous regime and not new: the same as before
     */
    public record RuleView(String award, String awardName, String criterion, String rule, String paraphraseVi, String paraphraseEn,
                           String paraphrase, String legalBasis, String legalBasisOther, String confidence, String confidenceMeaning,
                           String sentence, String then, String fileLine, List<ParameterView> parameters,
                           @Nullable String previous, boolean isNew, List<Difference> differences, @Nullable String editorHref,
                           boolean covered, boolean fired) {}
}
