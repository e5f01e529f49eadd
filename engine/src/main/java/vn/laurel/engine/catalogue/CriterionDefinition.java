package vn.laurel.engine.catalogue;

import vn.laurel.engine.policy.Localized;

import java.util.List;

/**
 * One criterion of an award in one regime, as its rule's metadata declares it.
 *
 * @param rule         the DRL rule that decides it; file and line locate it for policy staff
 * @param requires     awards to decide first for the same subject (metadata {@code @requires})
 * @param memberAwards awards to decide first for each member of a collective ({@code @memberAwards})
 */
public record CriterionDefinition(String regime, String award, String criterion, String rule, String file, int line,
                                  Localized legalBasis, String confidence, Localized template,
                                  List<String> requires, List<String> memberAwards) {}
