package vn.laurel.api.proposals;

import vn.laurel.api.councils.BallotLookup;
import vn.laurel.engine.model.Organisation;
import vn.laurel.engine.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The councils' side of the boundary, as the proposal tests need it: which awards need a ballot and how the
 * latest ballot on a candidate went, answered from what the test puts here (the journey test runs the real one).
 */
public final class FakeBallots implements BallotLookup {
    public final Set<String> required = ConcurrentHashMap.newKeySet();
    public final Map<String, BallotResult> ballots = new ConcurrentHashMap<>();

    public void ballot(String subject, String award, int year, boolean passed, int inFavour, int members, String required) {
        ballot(subject, award, year, LocalDate.of(year, 12, 20), passed, inFavour, members, required, "council.vote_share." + award, false);
    }

    /** A ballot held on {@code heldOn}, judged against {@code parameter} (the award's own, or council.vote_share.default). */
    public void ballot(String subject, String award, int year, LocalDate heldOn, boolean passed, int inFavour, int members, String required,
                       String parameter, boolean strictlyMore) {
        BigDecimal share = BigDecimal.valueOf(inFavour).divide(BigDecimal.valueOf(members), 4, java.math.RoundingMode.HALF_UP);
        ballots.put(subject + "|" + award + "|" + year, new BallotResult(ballots.size() + 100L, 7L, "HĐ-TĐKT-SỞ",
                heldOn, passed, inFavour, members, share, new BigDecimal(required), parameter, strictlyMore));
    }

    @Override
    public Optional<BallotResult> latest(String subjectId, String award, int year) {
        return Optional.ofNullable(ballots.get(subjectId + "|" + award + "|" + year));
    }

    @Override
    public boolean required(RuleSet rules, String award, LocalDate on, Organisation organisation) {
        return required.contains(award);
    }
}
