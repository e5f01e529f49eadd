package vn.laurel.engine.policy;

/** A text in Vietnamese and English. Vietnamese is the language of the law and the default. */
public record Localized(String vi, String en) {
    public String in(String language) {
        if ("en".equals(language)) return en != null ? en : vi;
        return vi != null ? vi : en;
    }
}
