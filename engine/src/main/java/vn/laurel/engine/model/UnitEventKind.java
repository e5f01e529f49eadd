package vn.laurel.engine.model;

/**
 * What happened to a unit of the organisation tree on a day. Since July 2025 provinces, districts and
 * communes were merged, split or abolished: a unit's ten years often belong to units that no longer exist.
 * <ul>
 *   <li>{@code ESTABLISHED}: the unit was founded (its age counts from here);</li>
 *   <li>{@code MERGED_INTO}: the unit was merged into another ({@code other}), or into a unit formed from several;</li>
 *   <li>{@code SPLIT_FROM}: the unit was formed by splitting off from another ({@code other});</li>
 *   <li>{@code RENAMED}: the unit took a new name ({@code name}), and a new code when {@code other} names it;</li>
 *   <li>{@code MOVED}: the unit was placed under another parent ({@code other});</li>
 *   <li>{@code DISSOLVED}: the unit ceased to exist without a successor.</li>
 * </ul>
 */
public enum UnitEventKind { ESTABLISHED, MERGED_INTO, SPLIT_FROM, RENAMED, MOVED, DISSOLVED }
