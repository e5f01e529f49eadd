package vn.laurel.engine.model;

/**
 * Annual task-completion rating (mức độ hoàn thành nhiệm vụ), Decree 90/2020/NĐ-CP.
 * {@link #NOT_RATED} stands outside the order: it satisfies no "at least" requirement.
 */
public enum Rating {
    NOT_COMPLETED(1), COMPLETED(2), GOOD(3), EXCELLENT(4), NOT_RATED(0);

    private final int rank;

    Rating(int rank) { this.rank = rank; }

    public boolean isAtLeast(Rating required) {
        return this != NOT_RATED && rank >= required.rank;
    }
}
