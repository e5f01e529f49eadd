package vn.laurel.api.batch;

/**
 * How far a running batch is. Units are the unit of work (a unit's people are evaluated together,
 * for its quotas); the rate and the ETA are counted in persons, which is where the time goes.
 */
public record BatchProgress(int unitsDone, int unitsTotal, long subjectsDone, long personsTotal, long outcomesWritten,
                            double elapsedSeconds) {
    public double perSecond() {
        return elapsedSeconds <= 0 ? 0 : subjectsDone / elapsedSeconds;
    }

    public double fraction() {
        if (personsTotal > 0) return Math.min(1.0, (double) subjectsDone / (personsTotal + unitsTotal));
        return unitsTotal == 0 ? 1.0 : (double) unitsDone / unitsTotal;
    }

    /** Seconds left at the rate so far; null until there is a rate to go by. */
    public Long etaSeconds() {
        double f = fraction();
        if (f <= 0 || elapsedSeconds < 0.5) return null;
        return Math.round(elapsedSeconds * (1 - f) / f);
    }
}
