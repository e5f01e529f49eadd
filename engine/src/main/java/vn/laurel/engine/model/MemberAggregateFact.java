package vn.laurel.engine.model;

/**
 * A collective's figures for a year when its members are not listed one by one: how many members
 * were evaluated, how many earned each title, how many completed their tasks, how many were disciplined.
 */
public record MemberAggregateFact(Integer year, Integer members, Integer advancedLaborers, Integer advancedSoldiers,
                                  Integer grassrootsSoldiers, Integer completedOrBetter,
                                  Integer disciplinedWarningOrAbove, String id, String source) implements Fact {
    public String factType() { return "memberAggregate"; }

    public String summary() {
        return year + " members=" + members + " advancedLaborers=" + advancedLaborers + " grassrootsSoldiers="
                + grassrootsSoldiers + " completedOrBetter=" + completedOrBetter + " disciplinedWarningOrAbove="
                + disciplinedWarningOrAbove;
    }
}
