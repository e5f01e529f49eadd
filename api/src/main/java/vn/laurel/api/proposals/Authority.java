package vn.laurel.api.proposals;

import java.util.Optional;

/**
 * A concrete competent authority: its kind, and for the kinds that decide for one organisation, the
 * organisation's top unit. Written {@code UNIT_HEAD:HN-SKHCN-DEMO} or {@code PRIME_MINISTER}: the code a
 * proposal list is addressed to and asked for by ({@code ?authority=}).
 */
public record Authority(AuthorityKind kind, String unit) {
    public static final int MAX_CODE = 200;

    public String code() {
        return unit == null ? kind.name() : kind.name() + ":" + unit;
    }

    /** The authority a code names; empty when it names none (an unknown kind, a unit missing or not wanted). */
    public static Optional<Authority> parse(String code) {
        if (code == null || code.isBlank() || code.length() > MAX_CODE) return Optional.empty();
        String c = code.strip();
        int colon = c.indexOf(':');
        String kind = colon < 0 ? c : c.substring(0, colon);
        String unit = colon < 0 ? null : c.substring(colon + 1).strip();
        Optional<AuthorityKind> k = AuthorityKind.of(kind);
        if (k.isEmpty()) return Optional.empty();
        if (k.get().perOrganisation() != (unit != null && !unit.isEmpty())) return Optional.empty();
        return Optional.of(new Authority(k.get(), unit == null || unit.isEmpty() ? null : java.text.Normalizer.normalize(unit,
                java.text.Normalizer.Form.NFC)));
    }

    @Override
    public String toString() {
        return code();
    }
}
