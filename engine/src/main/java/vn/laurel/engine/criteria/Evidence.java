package vn.laurel.engine.criteria;

import vn.laurel.engine.model.Fact;

/** A fact a criterion looked at, with its provenance. */
public record Evidence(String type, String factId, String source, String summary) {
    public static Evidence of(Fact fact) {
        return new Evidence(fact.factType(), fact.id(), fact.source(), fact.summary());
    }
}
