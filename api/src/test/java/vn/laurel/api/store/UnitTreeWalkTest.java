package vn.laurel.api.store;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one walk down the organisation tree ({@link UnitDirectory#below}): every unit once, in a stable order, whatever the data. */
class UnitTreeWalkTest {
    static UnitDirectory.Unit unit(String code, String parent) {
        return new UnitDirectory.Unit(code, code, parent);
    }

    @Test
    void a_unit_first_then_its_subunits_level_by_level() {
        List<UnitDirectory.Unit> tree = List.of(unit("D", null), unit("D-A", "D"), unit("D-A-1", "D-A"), unit("D-B", "D"), unit("E", null));
        assertThat(UnitDirectory.below(tree, List.of("D"))).containsExactly("D", "D-A", "D-B", "D-A-1");
        assertThat(UnitDirectory.below(tree, List.of("D-A"))).containsExactly("D-A", "D-A-1");
        assertThat(UnitDirectory.below(tree, List.of("NOWHERE"))).isEmpty();
        assertThat(UnitDirectory.below(tree, Set.of("D-B", "E", "NOWHERE"))).containsExactlyInAnyOrder("D-B", "E");
    }

    @Test
    void a_cycle_in_bad_data_is_walked_once() {
        assertThat(UnitDirectory.below(List.of(unit("A", "C"), unit("B", "A"), unit("C", "B")), List.of("A"))).containsExactly("A", "B", "C");
        assertThat(UnitDirectory.below(List.of(unit("S", "S")), List.of("S"))).containsExactly("S");
    }

    @Test
    void the_walk_stops_at_the_limit() {
        List<UnitDirectory.Unit> units = new ArrayList<>();
        units.add(unit("ROOT", null));
        for (int i = 0; i < UnitDirectory.MAX_UNITS + 5; i++) units.add(unit("U" + i, "ROOT"));
        assertThat(UnitDirectory.below(units, List.of("ROOT"))).hasSize(UnitDirectory.MAX_UNITS).startsWith("ROOT");
    }
}
