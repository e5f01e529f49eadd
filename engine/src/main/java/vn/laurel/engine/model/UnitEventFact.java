package vn.laurel.engine.model;

import java.time.LocalDate;

/**
 * A dated event of the unit itself (see {@link UnitEventKind}), recorded like any other fact.
 *
 * @param other the other unit of the event: the unit merged into, split from, the new parent, the new code
 * @param name  the new name of a RENAMED event
 */
public record UnitEventFact(LocalDate on, UnitEventKind event, String other, String name, String id, String source) implements Fact {
    public String factType() { return "unitEvent"; }
    public String summary() {
        return on + " " + event + (other == null ? "" : " " + other) + (name == null ? "" : " \"" + name + "\"");
    }
}
