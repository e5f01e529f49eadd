package vn.laurel.engine.evaluation;

import vn.laurel.engine.criteria.Evidence;
import vn.laurel.engine.policy.Localized;

import java.util.List;

/** A rule that fired: its metadata, the facts it matched, and the facts its criterion measured. */
public record FiredRule(String rule, String award, String criterion, Localized legalBasis, String file, int line,
                        List<String> matched, List<Evidence> evidence) {}
