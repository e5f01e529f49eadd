package vn.laurel.engine.model;

/** Only MERIT commendations serve as the prior award of a higher one (Decree 152/2025 art. 4.3). */
public enum CommendationKind { MERIT, AD_HOC, THEMATIC }
