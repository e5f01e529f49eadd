package vn.laurel.engine.criteria;

/**
 * What a criterion requires, kept as data (an operator and a value) so that it can be rendered in
 * any language and compared by an auditor.
 */
public record Requirement(Operator operator, Object value) {
    public enum Operator { AT_LEAST, MORE_THAN, AT_MOST, LESS_THAN, EQUALS, ATTESTED, NONE, NO_PENDING, ANY_OF, ALL_OF, NO_LIMIT }
}
