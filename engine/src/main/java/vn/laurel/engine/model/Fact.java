package vn.laurel.engine.model;

/**
 * Something recorded about a subject. Every fact carries its provenance so that a decision can
 * name the facts it relied on and where each came from.
 *
 * @see Provenance
 */
public interface Fact {
    /** Stable id of the fact in its store (for example {@code rating:812}); may be null in a what-if case. */
    String id();

    /** Where the fact came from: an import file and row, an API call, a case document. */
    String source();

    /** The type of fact as it appears in evidence: rating, title, discipline… */
    String factType();

    /** A short, language-neutral summary such as {@code 2025 GOOD}. */
    String summary();
}
