package vn.laurel.api.facts;

import java.util.*;

/**
 * The organisation tree as read from the store, and the one walk down it that every part of the
 * service uses (a candidates list, a batch, a preview, an organisation scope). Stored data may be
 * bad — a unit its own ancestor after a faulty import — so the walk visits each unit once and stops
 * at {@link #MAX_UNITS}: it always ends.
 */
public final class UnitTree {
    /** Far more units than one organisation has (a province has a few thousand): a walk stops there. */
    public static final int MAX_UNITS = 100_000;

    private final Set<String> codes = new HashSet<>();
    private final Map<String, List<String>> children = new HashMap<>();

    /** The tree of these units; children are walked in the order given (code order, as the directory reads them). */
    public UnitTree(Collection<UnitDirectory.Unit> units) {
        for (UnitDirectory.Unit u : units) {
            codes.add(u.code());
            if (u.parentCode() != null) children.computeIfAbsent(u.parentCode(), k -> new ArrayList<>()).add(u.code());
        }
    }

    public boolean contains(String code) {
        return codes.contains(code);
    }

    /** The unit and every unit below it, the unit first, then level by level; empty when no unit has that code. */
    public List<String> subtree(String root) {
        return below(List.of(root));
    }

    /**
     * The roots and every unit below them, each once, roots first, then level by level; codes that
     * name no unit are left out.
     */
    public List<String> below(Collection<String> roots) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        roots.stream().filter(codes::contains).forEach(todo::add);
        while (!todo.isEmpty() && seen.size() < MAX_UNITS) {
            String u = todo.poll();
            if (seen.add(u)) todo.addAll(children.getOrDefault(u, List.of())); // a cycle in bad data is walked once
        }
        return List.copyOf(seen);
    }
}
