package vn.laurel.engine.caseformat;

/**
 * What no text of a case document or a fact may hold: a control character other than tab and line
 * breaks (PostgreSQL refuses NUL in text outright, logs split on line breaks elsewhere), or half of a
 * UTF-16 surrogate pair, which no character encoding can store and which the database driver would
 * quietly replace by "?".
 */
public final class TextValues {
    private TextValues() {}

    /** Why the text cannot be stored, or null when it can. */
    public static String fault(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7F) return "contains control characters";
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains half of a UTF-16 surrogate pair (\\u" + Integer.toHexString(c) + "), which is not a character";
            }
        }
        return null;
    }
}
