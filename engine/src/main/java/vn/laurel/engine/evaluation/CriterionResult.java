package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Check;

/** What one criterion rule recorded for one subject: the rule, and its check of actual against required. */
public record CriterionResult(String subjectId, String award, String criterion, String rule, int year, Check check) {}
