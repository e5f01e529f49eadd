package vn.laurel.api.facts;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one walk down the organisation tree: every unit once, in a stable order, whatever the data. */
class UnitTreeTest {
    static UnitDirectory.Unit unit(String code, String parent) {
        return new UnitDirectory.Unit(code, code, parent);
    }

    @Test
    void a_unit_first_then_its_subunits_level_by_level() {
        UnitTree tree = new UnitTree(List.of(unit("D", null), unit("D-A", "D"), unit("D-A-1", "D-A"), unit("D-B", "D"), unit("E", null)));
        assertThat(tree.subtree("D")).containsExactly("D", "D-A", "D-B", "D-A-1");
        assertThat(tree.subtree("D-A")).containsExactly("D-A", "D-A-1");
        assertThat(tree.subtree("NOWHERE")).isEmpty();
        assertThat(tree.below(Set.of("D-B", "E", "NOWHERE"))).containsExactlyInAnyOrder("D-B", "E");
    }

    @Test
    void a_cycle_in_bad_data_is_walked_once() {
        UnitTree tree = new UnitTree(List.of(unit("A", "C"), unit("B", "A"), unit("C", "B")));
        assertThat(tree.subtree("A")).containsExactly("A", "B", "C");
        UnitTree self = new UnitTree(List.of(unit("S", "S")));
        assertThat(self.subtree("S")).containsExactly("S");
    }

    @Test
    void the_walk_stops_at_the_limit() {
        List<UnitDirectory.Unit> units = new ArrayList<>();
        units.add(unit("ROOT", null));
        for (int i = 0; i < UnitTree.MAX_UNITS + 5; i++) units.add(unit("U" + i, "ROOT"));
        assertThat(new UnitTree(units).subtree("ROOT")).hasSize(UnitTree.MAX_UNITS).startsWith("ROOT");
    }
}
