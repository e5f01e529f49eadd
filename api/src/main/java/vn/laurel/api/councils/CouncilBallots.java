package vn.laurel.api.councils;

import jakarta.inject.Singleton;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.ruleset.RuleSet;

import java.time.LocalDate;
import java.util.Optional;

/** What the proposal lists ask of the councils: read from the recorded ballots and the thresholds in the rules. */
@Singleton
public class CouncilBallots implements BallotLookup {
    private final CouncilStore store;

    public CouncilBallots(CouncilStore store) {
        this.store = store;
    }

    @Override
    public Optional<BallotResult> latest(String subjectId, String award, int year) {
        return store.latest(subjectId, award, year).map(e -> {
            Ballot b = e.getKey();
            CouncilSession s = e.getValue();
            return new BallotResult(b.id(), s.id(), s.council(), s.heldOn(), b.passed(), b.inFavour(), b.members(), b.share(),
                    b.threshold().share(), b.threshold().parameter(), b.threshold().strictlyMore());
        });
    }

    @Override
    public boolean required(RuleSet rules, String award, LocalDate on, Organisation organisation) {
        return Threshold.required(rules, award, on, organisation);
    }
}
