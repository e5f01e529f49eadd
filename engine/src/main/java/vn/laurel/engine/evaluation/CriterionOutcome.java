package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.criteria.Requirement;
import vn.laurel.engine.model.Status;
import vn.laurel.engine.i18n.Explanation;
import vn.laurel.engine.policy.Localized;

import java.util.List;

/** One criterion in an answer: its status, actual against required, its article, and a sentence in vi and en. */
public record CriterionOutcome(String criterion, Status status, Object actual, Requirement required,
                               Localized legalBasis, String confidence, Explanation explanation,
                               List<Evidence> evidence, String rule, String file, int line) {}
