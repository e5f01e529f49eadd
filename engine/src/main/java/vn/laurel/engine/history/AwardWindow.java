package vn.laurel.engine.history;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.i18n.Explainer;
import vn.laurel.engine.model.Fact;
import vn.laurel.engine.model.InitiativeKind;
import vn.laurel.engine.model.InitiativeLevel;
import vn.laurel.engine.model.Rating;
import vn.laurel.engine.policy.Localized;

import java.util.ArrayList;
import java.util.List;

/**
 * The period after a prior award in which a higher one is earned: the years {@code from}..{@code to}
 * (empty when from &gt; to). Made by {@link History#windowAfter}; "within that period" counts read it.
 *
 * @param prior      the achievement year of the prior award, or null when the subject never received it
 * @param afterPrior true when the period starts after the prior award ("đã được tặng X và sau đó …");
 *                   false when it is the run ending at {@code to} whatever year the prior award fell in,
 *                   which may then lie inside the run (Law 06/2022 art. 73.1.b as the Ministry of Home
 *                   Affairs reads it, award-catalogue §4)
 */
public record AwardWindow(History history, String award, Integer prior, Fact priorFact, int from, int to,
                          boolean afterPrior) {

    /** Whether the prior award was received at all. */
    public Measure hasPrior() {
        return new Measure(prior != null, priorFact == null ? List.of() : List.of(Evidence.of(priorFact)),
                prior == null ? Explainer.label("run.noPrior", award) : null, null);
    }

    /** The length of the period in years, with the years and the prior award it follows. */
    public Measure years() {
        int length = Math.max(0, to - from + 1);
        List<Evidence> evidence = new ArrayList<>();
        if (priorFact != null) evidence.add(Evidence.of(priorFact));
        for (int y = from; y <= to; y++) evidence.addAll(history.ratingIn(y).evidence());
        Localized detail;
        if (prior == null) {
            detail = Explainer.label("run.noPrior", award);
        } else {
            Localized span = History.yearsDetail(from, to);
            Localized after = Explainer.label(afterPrior ? "run.after" : "run.withPrior", award, String.valueOf(prior));
            detail = new Localized(span.vi() + ", " + after.vi(), span.en() + ", " + after.en());
        }
        return new Measure(length, evidence, detail, null);
    }

    /** How many years of the period hold the award ("trong thời gian đó có 03 lần CSTĐCS"). */
    public Measure yearsHolding(String title) {
        return prior == null ? empty() : history.yearsHolding(title, from, to);
    }

    /** How many years of the period are rated at least {@code atLeast} ("có 01 năm trở lên HTXSNV"). */
    public Measure yearsRated(Rating atLeast) {
        return prior == null ? empty() : history.yearsRated(atLeast, from, to);
    }

    /** Initiatives recognised in the period at a level at least {@code atLeast}. */
    public Measure initiatives(InitiativeLevel atLeast) {
        return prior == null ? empty() : history.initiativesIn(from, to, atLeast);
    }

    /**
     * Initiatives of one kind at a level at least {@code atLeast} recognised from the period's first
     * year to its last ("trong thời gian đó có 02 sáng kiến"); none when the prior award was never
     * received (the period is then empty).
     */
    public Measure initiatives(InitiativeLevel atLeast, InitiativeKind kind) {
        return history.initiativesIn(from, to, atLeast, kind);
    }

    private Measure empty() {
        return new Measure(0, List.of(), Explainer.label("run.noPrior", award), null);
    }
}
