package vn.laurel.api.year;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * The year a board works on: the achievement year being reviewed. Reviews, sessions and lists are made
 * at the turn of the year (December to February), so until the end of June the year is the previous
 * one, from July the current one.
 */
public final class EmulationYear {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private EmulationYear() {}

    public static int current() {
        LocalDate today = LocalDate.now();
        return today.getMonthValue() <= 6 ? today.getYear() - 1 : today.getYear();
    }

    /** The year asked for, the current one when none is; null when the text is not a year Laurel keeps. */
    public static @Nullable Integer parse(@Nullable String text) {
        if (text == null || text.isBlank()) return current();
        String t = text.strip();
        if (!t.matches("\\d{4}")) return null;
        int y = Integer.parseInt(t);
        return y < FIRST || y > LAST ? null : y;
    }
}
