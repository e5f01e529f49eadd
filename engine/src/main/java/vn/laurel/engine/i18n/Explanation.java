package vn.laurel.engine.i18n;

import com.fasterxml.jackson.annotation.JsonValue;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.policy.Localized;

/**
 * A criterion's sentence in Vietnamese and English, rendered when first read. A batch decides a
 * million people and stores only their outcomes; rendering every criterion's sentences in two
 * languages up front cost about a quarter of its time. Read once, the sentence is kept, so an
 * answer serialised twice (sent and hashed for the audit trail) says the same thing.
 */
public final class Explanation {
    private final Localized template;
    private final int year;
    private final Check check;
    private volatile Localized rendered;

    public Explanation(Localized template, int year, Check check) {
        this.template = template;
        this.year = year;
        this.check = check;
    }

    @JsonValue
    public Localized text() {
        Localized r = rendered;
        if (r == null) rendered = r = Explainer.explain(template, year, check);
        return r;
    }

    /** The check the sentence explains: its branches, labels and values (what a projection counts as still missing). */
    public Check check() { return check; }

    public String vi() { return text().vi(); }

    public String en() { return text().en(); }

    public String in(String language) { return text().in(language); }

    @Override public boolean equals(Object o) { return o instanceof Explanation e && text().equals(e.text()); }

    @Override public int hashCode() { return text().hashCode(); }

    @Override public String toString() { return text().toString(); }
}
