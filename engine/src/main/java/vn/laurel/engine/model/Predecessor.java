package vn.laurel.engine.model;

import java.time.LocalDate;

/**
 * A unit whose history a collective may inherit: merged into it, split off from it, or the same unit under
 * an earlier name and code. Which predecessors' ratings and titles count is a dated parameter per award
 * ({@code <award>.predecessor_history}: RECEIVING_UNIT, LARGEST_PREDECESSOR or NONE).
 *
 * @param relation  what happened to the predecessor on {@code on}: MERGED_INTO this unit, this unit SPLIT_FROM
 *                  it, or it was RENAMED into this unit
 * @param members   the predecessor's members on the day before the event (largest predecessor); null when not known
 * @param continues whether this unit continues the predecessor as its legal successor (it received the
 *                  others, or kept its seat); the receiving unit's history is then the predecessor's
 * @param unit      the predecessor itself, with its facts (and its own predecessors)
 */
public record Predecessor(UnitEventKind relation, LocalDate on, Integer members, Boolean continues, Subject unit,
                          String id, String source) implements Fact {
    public String factType() { return "predecessor"; }
    public String summary() {
        return on + " " + relation + " " + (unit == null ? null : unit.id()) + (members == null ? "" : " (" + members + " members)");
    }
}
