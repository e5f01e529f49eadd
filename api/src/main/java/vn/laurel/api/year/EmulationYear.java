package vn.laurel.api.year;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * The year a board works on: the achievement year being reviewed. As on every other page, the last
 * completed year (the one whose proposals are appraised on 15 January by default): a year still under way
 * is asked for by its number.
 */
public final class EmulationYear {
    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private EmulationYear() {}

    public static int current() {
        return LocalDate.now().getYear() - 1;
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
