package vn.laurel.engine.lineage;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.model.*;
import vn.laurel.engine.policy.Localized;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.laurel.engine.lineage.LineagePolicy.*;

/** Whose history a collective inherits through mergers, splits and renames, under each policy. */
class LineageTest {
    private static final LocalDate MERGER = LocalDate.of(2025, 7, 1);

    /** A unit with one rating a year, from {@code from}, each with an id naming the unit and year. */
    private static Subject unit(String id, Rating rating, int from, int to, Predecessor... predecessors) {
        List<RatingFact> ratings = new ArrayList<>();
        for (int y = from; y <= to; y++) ratings.add(new RatingFact(y, rating, id + ":" + y, "test " + id));
        return new Subject(id, SubjectKind.COLLECTIVE, "Unit " + id, null, null, null, null, null, null,
                ratings, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null,
                null, null, null, Arrays.asList(predecessors), null);
    }

    private static Predecessor merged(Subject unit, Integer members, boolean continues) {
        return new Predecessor(UnitEventKind.MERGED_INTO, MERGER, members, continues, unit, null, null);
    }

    /** The rating of each year, and the unit whose fact it is. */
    private static Map<Integer, String> ratings(Subject s) {
        Map<Integer, String> out = new TreeMap<>();
        s.ratings().forEach(r -> out.put(r.year(), r.rating() + " " + r.source()));
        return out;
    }

    /** The new ward of 2025-07-01: its own 2025 rating, three predecessors rated 2020–2024. */
    private static Subject ward(boolean firstContinues, int membersA, int membersB, int membersC) {
        return unit("NEW", Rating.EXCELLENT, 2025, 2025,
                merged(unit("A", Rating.GOOD, 2020, 2024), membersA, firstContinues),
                merged(unit("B", Rating.EXCELLENT, 2020, 2024), membersB, false),
                merged(unit("C", Rating.COMPLETED, 2020, 2024), membersC, false));
    }

    @Test
    void receiving_unit_takes_the_history_of_the_predecessor_it_continues() {
        Lineage.Result r = Lineage.resolve(ward(true, 10, 50, 20), RECEIVING_UNIT);
        assertThat(ratings(r.subject())).containsEntry(2024, "GOOD test A").containsEntry(2020, "GOOD test A")
                .containsEntry(2025, "EXCELLENT test NEW").hasSize(6);
        assertThat(r.steps()).hasSize(1);
        assertThat(r.steps().get(0).used()).extracting(p -> p.unit().id()).containsExactly("A");
        assertThat(r.steps().get(0).left()).extracting(p -> p.unit().id()).containsExactly("B", "C");
    }

    @Test
    void receiving_unit_formed_from_several_continuing_none_has_no_history_before_the_event() {
        Lineage.Result r = Lineage.resolve(ward(false, 10, 50, 20), RECEIVING_UNIT);
        assertThat(ratings(r.subject())).containsOnlyKeys(2025);
        assertThat(r.steps().get(0).used()).isEmpty();
        assertThat(r.steps().get(0).ownKept()).isTrue();
    }

    @Test
    void largest_predecessor_takes_the_one_with_most_members_whatever_it_continues() {
        Lineage.Result r = Lineage.resolve(ward(true, 10, 50, 20), LARGEST_PREDECESSOR);
        assertThat(ratings(r.subject())).containsEntry(2024, "EXCELLENT test B").containsEntry(2025, "EXCELLENT test NEW").hasSize(6);
        assertThat(r.steps().get(0).used()).extracting(p -> p.unit().id()).containsExactly("B");
        assertThat(r.steps().get(0).ownKept()).isFalse();
    }

    @Test
    void largest_predecessor_ties_go_to_the_first_listed_and_unknown_sizes_lose() {
        assertThat(ratings(Lineage.resolve(ward(false, 50, 50, 20), LARGEST_PREDECESSOR).subject()))
                .containsEntry(2024, "GOOD test A");
        // A size not recorded: no pick on partial figures. A new unit continuing none has no history before the event;
        // one continuing a predecessor keeps that one's (as under RECEIVING_UNIT); the note says why.
        Subject unknownFirst = unit("NEW", Rating.EXCELLENT, 2025, 2025,
                merged(unit("A", Rating.GOOD, 2020, 2024), null, false),
                merged(unit("B", Rating.EXCELLENT, 2020, 2024), 1, false));
        Lineage.Result partial = Lineage.resolve(unknownFirst, LARGEST_PREDECESSOR);
        assertThat(ratings(partial.subject())).containsOnlyKeys(2025);
        assertThat(partial.steps().get(0).sizesUnknown()).isTrue();
        assertThat(partial.steps().get(0).used()).isEmpty();
        assertThat(Lineage.note(partial, "x.predecessor_history").en()).contains("the sizes needed to pick the largest unit are not"
                + " all recorded (A (Unit A), B (Unit B, 1 members)): nothing is picked on partial figures; only the receiving unit's own history counts");
        Subject continuesUnknown = unit("NEW", Rating.EXCELLENT, 2025, 2025,
                merged(unit("A", Rating.GOOD, 2020, 2024), 3, true),
                merged(unit("B", Rating.EXCELLENT, 2020, 2024), null, false));
        Lineage.Result kept = Lineage.resolve(continuesUnknown, LARGEST_PREDECESSOR);
        assertThat(ratings(kept.subject())).containsEntry(2024, "GOOD test A").hasSize(6);
        assertThat(Lineage.note(kept, "x.predecessor_history").en()).contains("with that of A (Unit A, 3 members), the predecessor it continues");
        assertThat(Lineage.note(kept, "x.predecessor_history").vi()).contains("không chọn theo số liệu thiếu");
        assertThat(Lineage.largest(List.of(merged(unit("X", Rating.GOOD, 2024, 2024), null, false),
                merged(unit("Y", Rating.GOOD, 2024, 2024), null, false))).unit().id()).isEqualTo("X");
    }

    @Test
    void none_keeps_nothing_before_the_event_not_even_the_units_own() {
        Subject receiving = unit("DEPT", Rating.EXCELLENT, 2022, 2025, merged(unit("OTHER", Rating.GOOD, 2022, 2024), 5, false));
        Lineage.Result r = Lineage.resolve(receiving, NONE);
        assertThat(ratings(r.subject())).containsOnlyKeys(2025);
        assertThat(r.steps().get(0).ownKept()).isFalse();
        // The unit that received another keeps its own history under the other two.
        assertThat(ratings(Lineage.resolve(receiving, RECEIVING_UNIT).subject())).containsEntry(2024, "EXCELLENT test DEPT").hasSize(4);
    }

    @Test
    void a_receiving_unit_without_an_entry_of_its_own_is_a_candidate_with_its_figures_of_the_year_before() {
        Subject dept = unit("DEPT", Rating.GOOD, 2022, 2025, merged(unit("OTHER", Rating.EXCELLENT, 2022, 2024), 9, false));
        // Its own size not recorded: it is not beaten by the merged department's 9 members on partial figures; the
        // receiving unit continues (review M1).
        Lineage.Result unknown = Lineage.resolve(dept, LARGEST_PREDECESSOR);
        assertThat(ratings(unknown.subject())).containsEntry(2024, "GOOD test DEPT").hasSize(4);
        assertThat(unknown.steps().get(0).sizesUnknown()).isTrue();
        assertThat(unknown.steps().get(0).ownKept()).isTrue();
        assertThat(Lineage.note(unknown, "x.predecessor_history").en()).contains("not all recorded (OTHER (Unit OTHER, 9 members))",
                "only the receiving unit's own history counts");
        // Recorded smaller than the merged one: the merged one's history is taken.
        assertThat(ratings(Lineage.resolve(withAggregate(dept, 2024, 5), LARGEST_PREDECESSOR).subject()))
                .containsEntry(2024, "EXCELLENT test OTHER");
        Subject withFigures = withAggregate(dept, 2024, 25);
        Lineage.Result r = Lineage.resolve(withFigures, LARGEST_PREDECESSOR);
        assertThat(ratings(r.subject())).containsEntry(2024, "GOOD test DEPT").hasSize(4);
        assertThat(r.steps().get(0).ownLargest()).isTrue();
        assertThat(r.steps().get(0).ownMembers()).isEqualTo(25);
        assertThat(Lineage.note(r, "x.predecessor_history").en()).contains("the unit's own history counts, as the largest", "25 members", "OTHER");
    }

    private static Subject withAggregate(Subject s, int year, int members) {
        return new Subject(s.id(), s.kind(), s.name(), null, null, null, null, null, null, s.ratings(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(),
                List.of(new MemberAggregateFact(year, members, null, null, null, null, null, null, null)), List.of(), null, null,
                null, null, null, s.predecessors(), null);
    }

    @Test
    void a_split_counts_the_parent_under_largest_and_under_receiving_only_when_continued() {
        Predecessor parent = new Predecessor(UnitEventKind.SPLIT_FROM, LocalDate.of(2023, 4, 1), 80, false,
                unit("PARENT", Rating.EXCELLENT, 2019, 2025), null, null);
        Subject child = unit("CHILD", Rating.GOOD, 2023, 2025, parent);
        // The parent's facts of the split's year and later are its own, never the child's.
        assertThat(ratings(Lineage.resolve(child, LARGEST_PREDECESSOR).subject()))
                .containsEntry(2022, "EXCELLENT test PARENT").containsEntry(2023, "GOOD test CHILD").hasSize(7);
        assertThat(ratings(Lineage.resolve(child, RECEIVING_UNIT).subject())).containsOnlyKeys(2023, 2024, 2025);
        Subject continuing = unit("CHILD", Rating.GOOD, 2023, 2025, new Predecessor(UnitEventKind.SPLIT_FROM, parent.on(), 80, true,
                parent.unit(), null, null));
        assertThat(ratings(Lineage.resolve(continuing, RECEIVING_UNIT).subject())).containsEntry(2019, "EXCELLENT test PARENT").hasSize(7);
    }

    @Test
    void a_renamed_predecessor_always_counts_in_full_whatever_the_policy() {
        Subject twice = unit("C", Rating.EXCELLENT, 2024, 2024,
                new Predecessor(UnitEventKind.RENAMED, LocalDate.of(2024, 1, 1), null, null,
                        unit("B", Rating.EXCELLENT, 2021, 2023,
                                new Predecessor(UnitEventKind.RENAMED, LocalDate.of(2021, 1, 1), null, null,
                                        unit("A", Rating.GOOD, 2018, 2020), null, null)), null, null));
        for (LineagePolicy policy : LineagePolicy.values()) {
            Lineage.Result r = Lineage.resolve(twice, policy);
            assertThat(ratings(r.subject())).as(policy.name()).containsEntry(2018, "GOOD test A").containsEntry(2022, "EXCELLENT test B")
                    .containsEntry(2024, "EXCELLENT test C").hasSize(7);
            assertThat(r.steps()).extracting(s -> s.used().get(0).unit().id()).containsExactly("B", "A");
            assertThat(r.steps().get(1).via()).extracting(p -> p.unit().id()).containsExactly("B");
        }
        Localized note = Lineage.note(Lineage.resolve(twice, NONE), "x.predecessor_history");
        assertThat(note.en()).isEqualTo("The unit's history through mergers, splits and renames: the history of B (Unit B)"
                + " (the same unit before its renaming on 2024-01-01) continues; through B: the history of A (Unit A)"
                + " (the same unit before its renaming on 2021-01-01) continues — parameter x.predecessor_history = NONE.");
        assertThat(note.vi()).contains("đổi tên ngày 01/01/2024", "tham số x.predecessor_history = NONE");
    }

    @Test
    void nested_mergers_resolve_each_predecessor_with_the_same_policy() {
        // B was itself formed in 2022 from B1 (continued) and B2; the ward continues B in 2025.
        Subject b = unit("B", Rating.EXCELLENT, 2022, 2024,
                new Predecessor(UnitEventKind.MERGED_INTO, LocalDate.of(2022, 1, 1), 30, true, unit("B1", Rating.GOOD, 2019, 2021), null, null),
                new Predecessor(UnitEventKind.MERGED_INTO, LocalDate.of(2022, 1, 1), 40, false, unit("B2", Rating.COMPLETED, 2019, 2021), null, null));
        Subject ward = unit("NEW", Rating.EXCELLENT, 2025, 2025, merged(b, 70, true));
        assertThat(ratings(Lineage.resolve(ward, RECEIVING_UNIT).subject())).containsEntry(2020, "GOOD test B1")
                .containsEntry(2023, "EXCELLENT test B").hasSize(7);
        assertThat(ratings(Lineage.resolve(ward, LARGEST_PREDECESSOR).subject())).containsEntry(2020, "COMPLETED test B2").hasSize(7);
        Lineage.Result none = Lineage.resolve(ward, NONE);
        assertThat(ratings(none.subject())).containsOnlyKeys(2025);
        Localized note = Lineage.note(Lineage.resolve(ward, RECEIVING_UNIT), "p");
        assertThat(note.en()).contains("history before 2025-07-01 taken from predecessor B (Unit B, 70 members)",
                "through B: history before 2022-01-01 taken from predecessor B1 (Unit B1, 30 members), not from B2 (Unit B2, 40 members)");
    }

    @Test
    void the_units_own_rating_stands_where_a_predecessor_has_one_for_the_same_year() {
        Subject own2024 = unit("NEW", Rating.COMPLETED, 2024, 2025, merged(unit("A", Rating.EXCELLENT, 2023, 2024), 10, true));
        assertThat(ratings(Lineage.resolve(own2024, RECEIVING_UNIT).subject())).containsEntry(2024, "COMPLETED test NEW")
                .containsEntry(2023, "EXCELLENT test A").hasSize(3);
    }

    @Test
    void facts_of_every_kind_kept_by_year_are_inherited_with_their_ids_and_sources() {
        Subject a = new Subject("A", SubjectKind.COLLECTIVE, "A", null, null, null, null, null, null,
                List.of(new RatingFact(2024, Rating.EXCELLENT, "r1", "import a.csv:3")),
                List.of(new TitleFact(2024, "EXCELLENT_LABOR_COLLECTIVE", null, null, false, "t1", "import a.csv:4")),
                List.of(new CommendationFact(2023, "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", CommendationKind.MERIT, null, null, false, "c1", "s")),
                List.of(new InitiativeFact(2024, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE, null, null, "i1", "s")),
                List.of(), List.of(), List.of(new AttestationFact(2024, "INTERNAL_UNITY", true, null, null, "a1", "s")),
                List.of(new MemberAggregateFact(2024, 30, 20, null, 2, 30, 0, "m1", "s")),
                List.of(new ClusterRankingFact(2024, "K1", 1, null, "k1", "s")), null, null, null, null,
                List.of(new CampaignResultFact("INNOVATION_DX_2025_2030", 2025, "GOVERNMENT_AGENCIES", "REVIEW_SCORE", java.math.BigDecimal.TEN, "x1", "s")),
                null, null);
        Subject ward = unit("NEW", Rating.EXCELLENT, 2025, 2025, merged(a, 30, true));
        Subject s = Lineage.resolve(ward, RECEIVING_UNIT).subject();
        assertThat(s.ratings()).extracting(RatingFact::id).containsExactly("r1", "NEW:2025");
        assertThat(s.ratings().get(0).source()).isEqualTo("import a.csv:3");
        assertThat(s.titles()).extracting(TitleFact::id).containsExactly("t1");
        assertThat(s.commendations()).extracting(CommendationFact::id).containsExactly("c1");
        assertThat(s.initiatives()).extracting(InitiativeFact::id).containsExactly("i1");
        assertThat(s.attestations()).extracting(AttestationFact::id).containsExactly("a1");
        assertThat(s.memberAggregates()).extracting(MemberAggregateFact::id).containsExactly("m1");
        assertThat(s.clusterRankings()).extracting(ClusterRankingFact::id).containsExactly("k1");
        // A campaign result of 2025, the merger's year, is the predecessor's own, not inherited.
        assertThat(s.campaignResults()).isEmpty();
        assertThat(s.predecessors()).hasSize(1);
    }

    @Test
    void the_policy_parameter_is_named_after_the_award_and_reads_the_three_values() {
        assertThat(LineagePolicy.parameterOf("ADVANCED_LABOR_COLLECTIVE")).isEqualTo("advanced_labor_collective.predecessor_history");
        assertThat(LineagePolicy.of("LARGEST_PREDECESSOR")).contains(LARGEST_PREDECESSOR);
        assertThat(LineagePolicy.of("BIGGEST")).isEmpty();
        assertThat(LineagePolicy.of(null)).isEmpty();
    }

    @Test
    void a_predecessor_dated_after_the_appraisal_is_ignored_at_every_level_under_every_policy() {
        // The department's own 2022–2025 ratings; another merged into it on 2025-07-01, recorded later.
        Subject dept = unit("DEPT", Rating.EXCELLENT, 2022, 2025, merged(unit("OTHER", Rating.GOOD, 2022, 2024), 9, false));
        for (LineagePolicy policy : LineagePolicy.values()) {
            Lineage.Result before = Lineage.resolve(dept, policy, LocalDate.of(2025, 1, 20));
            assertThat(ratings(before.subject())).as(policy.name()).containsEntry(2024, "EXCELLENT test DEPT")
                    .containsEntry(2022, "EXCELLENT test DEPT").hasSize(4);
            assertThat(before.steps()).as(policy.name()).isEmpty();
            // On the day itself the event has happened.
            assertThat(Lineage.resolve(dept, policy, MERGER).steps()).as(policy.name()).hasSize(1);
        }
        assertThat(ratings(Lineage.resolve(dept, NONE, LocalDate.of(2026, 1, 20)).subject())).containsOnlyKeys(2025);
        assertThat(Lineage.applies(dept, LocalDate.of(2025, 6, 30))).isFalse();
        assertThat(Lineage.applies(dept, MERGER)).isTrue();
        // Nested: the predecessor's own later predecessor is ignored too.
        Subject renamed = unit("NEW", Rating.EXCELLENT, 2026, 2026, new Predecessor(UnitEventKind.RENAMED, LocalDate.of(2026, 1, 1), null, null,
                unit("DEPT", Rating.EXCELLENT, 2022, 2025, new Predecessor(UnitEventKind.MERGED_INTO, LocalDate.of(2027, 1, 1), 9, false,
                        unit("LATE", Rating.GOOD, 2022, 2026), null, null)), null, null));
        Lineage.Result nested = Lineage.resolve(renamed, NONE, LocalDate.of(2026, 3, 1));
        assertThat(ratings(nested.subject())).containsEntry(2022, "EXCELLENT test DEPT").hasSize(5);
        assertThat(nested.steps()).hasSize(1);
    }
}
