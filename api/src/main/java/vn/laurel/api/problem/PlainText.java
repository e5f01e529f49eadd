package vn.laurel.api.problem;

import java.util.regex.Pattern;

/**
 * A message from a library, made fit for a client: the names of Java classes and packages
 * ({@code java.lang.Integer}, {@code com.fasterxml…}) become the simple word they stand for, and
 * the library's references to its own settings are dropped.
 */
public final class PlainText {
    /** A qualified Java name, with or without the backquotes Jackson puts around it. */
    private static final Pattern QUALIFIED = Pattern.compile("`?\\b(?:com|org|io|java|javax|jakarta|sun|jdk)\\.(?:[\\w$]+\\.)*([\\w$]+)(\\[])?`?");
    private static final Pattern SETTING = Pattern.compile("\\s*\\((?:from|through|for|set|to change)[^)]*`[^`]*`[^)]*\\)|\\s*\\(through reference chain:[^)]*\\)");
    private static final Pattern EXCEPTION = Pattern.compile("\\b\\w*Exception\\b:?\\s*");

    private PlainText() {}

    public static String of(String message) {
        if (message == null) return null;
        String s = SETTING.matcher(message).replaceAll("");
        s = QUALIFIED.matcher(s).replaceAll(m -> simple(m.group(1)) + (m.group(2) == null ? "" : " list"));
        s = EXCEPTION.matcher(s).replaceAll("");
        return s.replace('`', '"').strip();
    }

    private static String simple(String name) {
        return switch (name) {
            case "String", "Character", "CharSequence" -> "text";
            case "Integer", "Long", "Short", "Byte", "BigInteger", "int", "long" -> "whole number";
            case "Double", "Float", "BigDecimal", "Number" -> "number";
            case "Boolean" -> "true or false";
            case "LocalDate" -> "date (YYYY-MM-DD)";
            case "Instant", "OffsetDateTime" -> "instant";
            case "Map", "LinkedHashMap", "HashMap", "Object", "JsonNode", "ObjectNode" -> "object";
            case "List", "ArrayList", "Collection", "Set", "ArrayNode" -> "list";
            default -> Character.isUpperCase(name.charAt(0)) ? name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() : name;
        };
    }
}
