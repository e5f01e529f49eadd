package vn.laurel.engine.model;

/**
 * What a commendation was given for. Only MERIT commendations serve as the prior award of a higher one
 * (Decree 152/2025 art. 4.3): ad hoc (đột xuất) and thematic ones never do. From 01/10/2026 Law
 * 06/2026/QH16 names two thematic kinds: {@code THEMATIC_MOVEMENT} ("khen thưởng phong trào thi đua theo
 * chuyên đề", at the review of a thematic emulation movement) and {@code THEMATIC} ("khen thưởng chuyên
 * đề"); award-catalogue §0, row T8.
 */
public enum CommendationKind {
    MERIT, AD_HOC, THEMATIC, THEMATIC_MOVEMENT;

    /** Whether a commendation of this kind may be the prior award of a higher one. */
    public boolean countsAsPriorMerit() {
        return this == MERIT;
    }
}
