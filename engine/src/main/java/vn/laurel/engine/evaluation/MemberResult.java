package vn.laurel.engine.evaluation;

import java.util.List;

/** A member's answers, decided before its collective's so that the collective's criteria can count them. */
public record MemberResult(String subjectId, List<AwardResult> results, List<FiredRule> firedRules) {}
