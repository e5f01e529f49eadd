package vn.laurel.api.councils;

import java.util.Locale;

/**
 * Which rows of a session's agenda to show, from the address ({@code ?award=&unit=&what=}): an award, a unit
 * (the candidate's own), and what the council can do with them. The page's default shows only the rows it
 * can act on; the API's default is the whole agenda.
 *
 * @param award an award's code, or null for every award
 * @param unit  a unit's code, or null for every unit
 */
public record AgendaFilter(String award, String unit, What what) {

    /** What the council can do with a row. */
    public enum What {
        /** A ballot can settle it, it needs a ballot, it was voted on earlier in the year or at this session. */
        ACTIONABLE("actionable"),
        /** Criteria waiting for the council's judgment: a passed ballot settles them. */
        VOTE("vote"),
        /** The award needs a ballot of its own before it is proposed. */
        BALLOT("ballot"),
        /** Every row, those a ballot cannot settle too (a pending matter, say). */
        ALL("all");

        private final String param;

        What(String param) {
            this.param = param;
        }

        public String param() {
            return param;
        }
    }

    /** The filter of an address; a value that is no choice is refused (400) naming its parameter. */
    public static AgendaFilter of(String award, String unit, String what, What byDefault) {
        return new AgendaFilter(code("award", award), code("unit", unit), what(what, byDefault));
    }

    private static String code(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String s = value.strip();
        if (s.length() > 64 || !s.matches("[A-Za-z0-9._:-]+")) throw CouncilRefused.bad(field, "councils.error.filter", field);
        return s;
    }

    private static What what(String value, What byDefault) {
        if (value == null || value.isBlank()) return byDefault;
        for (What w : What.values()) if (w.param.equals(value.strip().toLowerCase(Locale.ROOT))) return w;
        throw CouncilRefused.bad("what", "councils.error.filter", "what");
    }

    /** Whether a ballot at this session can settle the row: criteria waiting, a ballot required, or voted on earlier (again). */
    public static boolean votable(AgendaItem it) {
        return !it.waiting().isEmpty() || it.ballotRequired() || it.earlier() != null;
    }

    /** Whether the row is of {@code what}, whatever its award and unit. */
    public static boolean is(AgendaItem it, What what) {
        return switch (what) {
            case ALL -> true;
            case VOTE -> !it.waiting().isEmpty();
            case BALLOT -> it.ballotRequired();
            case ACTIONABLE -> votable(it) || it.ballot() != null;
        };
    }

    /** Whether the row is of the unit and of {@code what} (the award not asked: for the counts per award). */
    public boolean matchesBesidesAward(AgendaItem it) {
        return (unit == null || unit.equals(it.unit())) && is(it, what);
    }

    public boolean matches(AgendaItem it) {
        return (award == null || award.equals(it.award())) && matchesBesidesAward(it);
    }
}
