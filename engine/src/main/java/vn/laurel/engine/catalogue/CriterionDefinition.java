package vn.laurel.engine.catalogue;

import vn.laurel.engine.policy.Localized;

/**
 * One criterion of an award in one regime, as its rule's metadata declares it.
 *
 * @param rule the DRL rule that decides it; file and line locate it for policy staff
 */
public record CriterionDefinition(String regime, String award, String criterion, String rule, String file, int line,
                                  Localized legalBasis, String confidence, Localized template) {}
