package vn.laurel.api.proposals;

import java.util.Optional;

/**
 * The kinds of competent authority a parameter {@code authority.<AWARD>.<KIND>} names (Law 2022 art. 80;
 * NĐ 129/2025 art. 59 for the commune chairman). Some decide for one organisation and are routed to it
 * (the head of that unit, its commune's chairman, its province or ministry); the others are one office.
 */
public enum AuthorityKind {
    /** Head of the agency or unit with legal personality, director of an enterprise or cooperative. */
    UNIT_HEAD(true),
    /** Chairman of the commune People's Committee (two-level local government, from 2025-07-01). */
    COMMUNE_CHAIRMAN(true),
    /** Minister, head of sector or chairman of the provincial People's Committee. */
    PROVINCIAL(true),
    PRIME_MINISTER(false),
    PRESIDENT(false),
    /** The Presidium of the Vietnam General Confederation of Labour. */
    VGCL_PRESIDIUM(false);

    private final boolean perOrganisation;

    AuthorityKind(boolean perOrganisation) {
        this.perOrganisation = perOrganisation;
    }

    /** Whether an authority of this kind is the one of an organisation (and its code names the organisation). */
    public boolean perOrganisation() {
        return perOrganisation;
    }

    public static Optional<AuthorityKind> of(Object value) {
        if (value == null) return Optional.empty();
        for (AuthorityKind k : values()) if (k.name().equals(value.toString().strip())) return Optional.of(k);
        return Optional.empty();
    }
}
