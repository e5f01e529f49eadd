package vn.laurel.api.scope;

import io.micronaut.security.authentication.Authentication;
import vn.laurel.api.security.Roles;

import java.util.*;

/**
 * What part of the organisation a signed-in user may see of stored subjects. A CLIENT asks on behalf
 * of a unit (a department's emulation council, say) and sees the units its token names in the
 * organisation claim, with every unit below them; without that claim it sees no stored subject at all.
 * The other roles keep the whole organisation: a clerk writes anyone's facts, an auditor reads every
 * decision, a policy officer previews rules on everyone, a board official keeps the year of the whole organisation, an administrator does everything.
 *
 * @param wide  the whole organisation
 * @param roots the unit codes named in the claim (meaningful when not wide)
 */
public record OrgScope(boolean wide, Set<String> roots) {
    static final OrgScope WIDE = new OrgScope(true, Set.of());
    private static final Set<String> ORGANISATION_WIDE = Set.of(Roles.CLERK, Roles.POLICY, Roles.BOARD, Roles.AUDITOR, Roles.ADMIN);

    public OrgScope {
        roots = Collections.unmodifiableSet(new TreeSet<>(roots));
    }

    /** No unit at all: a CLIENT whose token names none. */
    public boolean empty() {
        return !wide && roots.isEmpty();
    }

    /**
     * The scope of an authenticated user: organisation-wide with any role but CLIENT; otherwise the
     * units of {@code claim} (a code, a list of codes, or codes separated by commas or spaces).
     */
    public static OrgScope of(Authentication user, String claim) {
        if (user.getRoles().stream().anyMatch(ORGANISATION_WIDE::contains)) return WIDE;
        Set<String> roots = new TreeSet<>();
        Object value = user.getAttributes().get(claim);
        Collection<?> values = value instanceof Collection<?> c ? c : value == null ? List.of() : List.of(value);
        for (Object v : values) {
            if (!(v instanceof String s)) continue; // numbers or objects in the claim name no unit
            for (String code : s.split("[,\\s]+")) {
                if (!code.isBlank()) roots.add(code.trim());
            }
        }
        return new OrgScope(false, roots);
    }
}
