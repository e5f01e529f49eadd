package vn.laurel.engine.evaluation;

import vn.laurel.engine.policy.Localized;

import java.util.List;

/**
 * How a cap on an award was applied among a unit's candidates: how many may receive it, how many
 * were eligible, and this candidate's place in the ranking.
 *
 * @param base     what the cap is a share of: HEADCOUNT, or an award whose holders are counted
 * @param rankedBy the ranking keys, in order
 */
public record QuotaInfo(int allowed, int candidates, int rank, String base, Object capPct, Integer capCount,
                        String rounding, List<String> rankedBy, Localized explanation) {}
