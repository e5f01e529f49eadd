package vn.laurel.api.pages;

/** One option of a form's list (views/parts.html, select): its value, its text, and whether it is the current one. */
public record Choice(String value, String text, boolean selected) {}
