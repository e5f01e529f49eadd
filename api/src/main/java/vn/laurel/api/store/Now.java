package vn.laurel.api.store;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The moment of a write, at the precision the database keeps (microseconds). The store compares
 * times it wrote with times it reads back (a row superseded "at" this moment); a finer Java clock
 * would make those comparisons fail on one database and pass on another.
 */
public final class Now {
    private Now() {}

    public static Instant instant() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
