package vn.laurel.engine.history;

import org.junit.jupiter.api.Test;
import vn.laurel.engine.criteria.Check;
import vn.laurel.engine.criteria.Measure;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.*;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The helpers that replace the branches rule actions used to hold (issue 17): each gives the very
 * check — status, values, evidence, detail — the branchy action built, over histories that take every
 * branch. The "old" methods below are the actions as the DRL wrote them before, in Java.
 */
class BranchHelpersTest {
    private static final String NES = "NATIONAL_EMULATION_SOLDIER";
    private static final String MPES = "MINISTERIAL_PROVINCIAL_EMULATION_SOLDIER";
    private static final String GES = "GRASSROOTS_EMULATION_SOLDIER";

    /** Histories with and without the reset award, before, inside and after the counted years. */
    private static List<History> soldiers() {
        List<History> out = new ArrayList<>();
        int[][] resetYears = {{}, {2016}, {2019}, {2021}, {2022}, {2018, 2021}};
        for (int[] resets : resetYears) {
            Facts f = Facts.person("P" + out.size()).rated(Rating.GOOD, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022)
                    .title(GES, 2016, 2017, 2018, 2020, 2021, 2022).title(MPES, 2017, 2019, 2021)
                    .initiative(2016, InitiativeLevel.NATIONAL, null).initiative(2019, InitiativeLevel.MINISTERIAL_PROVINCIAL, null)
                    .initiative(2021, InitiativeLevel.NATIONAL, null).initiative(2022, InitiativeLevel.GRASSROOTS, null);
            if (resets.length > 0) f.title(NES, resets);
            out.add(f.history());
            if (resets.length > 0) {
                // the reset award decided eligible in this evaluation counts as held, as windowAfter reads it
                History decided = Facts.person("D" + out.size()).rated(Rating.GOOD, 2018, 2019, 2020, 2021, 2022)
                        .title(MPES, 2018, 2020, 2021).initiative(2020, InitiativeLevel.NATIONAL, null).history();
                decided.recordDecision(NES, resets[resets.length - 1], Outcome.ELIGIBLE);
                out.add(decided);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- as the DRL wrote them before

    private static Check oldInitiatives(History h, int year, Number window, InitiativeLevel level, boolean resets) {
        int from = year - window.intValue() + 1;
        if (resets) {
            Integer lastAward = h.windowAfter(NES, year, Rating.NOT_COMPLETED).prior();
            if (lastAward != null && lastAward + 1 > from) from = lastAward + 1;
        }
        return h.initiativesIn(from, year, level).atLeast(1);
    }

    private static Check oldEarlierTitle(History h, int year, Number maxYears, boolean resets) {
        int from = year - maxYears.intValue();
        if (resets) {
            Integer lastAward = h.windowAfter(NES, year, Rating.NOT_COMPLETED).prior();
            if (lastAward != null && lastAward + 1 > from) from = lastAward + 1;
        }
        return h.yearsHolding(MPES, from, year - 1).atLeast(1);
    }

    private static Check oldChain(History h, int year, Number required, boolean resets) {
        if (resets) return h.consecutiveYearsHoldingAfter(GES, year, MPES).atLeast(required);
        return h.consecutiveYearsHolding(GES, year).atLeast(required);
    }

    // ---------------------------------------------------------------- the helpers give the same checks

    @Test
    void initiatives_in_the_last_years_are_the_branchy_window_with_its_reset() {
        int compared = 0;
        for (int year = 2018; year <= 2023; year++) {
            for (Number window : List.of(1, 2, 3, 5, 7, Double.NaN)) {
                for (boolean resets : new boolean[] {false, true}) {
                    for (InitiativeLevel level : InitiativeLevel.values()) {
                        List<History> a = soldiers(), b = soldiers();
                        for (int i = 0; i < a.size(); i++) {
                            Check old = oldInitiatives(a.get(i), year, window, level, resets);
                            Check now = b.get(i).initiativesInLastYears(year, window, level, NES, resets).atLeast(1);
                            assertThat(now).as("%s %d window %s resets %s %s", b.get(i), year, window, resets, level).isEqualTo(old);
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
    }

    @Test
    void years_holding_in_the_last_years_are_the_branchy_span_with_its_reset() {
        for (int year = 2018; year <= 2023; year++) {
            for (Number maxYears : List.of(1, 2, 3, 4, Double.NaN)) {
                for (boolean resets : new boolean[] {false, true}) {
                    List<History> a = soldiers(), b = soldiers();
                    for (int i = 0; i < a.size(); i++) {
                        Check old = oldEarlierTitle(a.get(i), year, maxYears, resets);
                        Check now = b.get(i).yearsHoldingInLastYears(MPES, year - 1, maxYears, NES, resets).atLeast(1);
                        assertThat(now).as("%s %d max %s resets %s", b.get(i), year, maxYears, resets).isEqualTo(old);
                    }
                }
            }
        }
    }

    @Test
    void a_chain_that_resets_by_a_switch_is_either_of_the_two_counts() {
        for (int year = 2018; year <= 2023; year++) {
            for (boolean resets : new boolean[] {false, true}) {
                List<History> a = soldiers(), b = soldiers();
                for (int i = 0; i < a.size(); i++) {
                    assertThat(b.get(i).consecutiveYearsHolding(GES, year, MPES, resets).atLeast(3))
                            .isEqualTo(oldChain(a.get(i), year, 3, resets));
                }
            }
        }
        History h = soldiers().get(0);
        assertThat(h.consecutiveYearsHolding(GES, 2022, MPES, true).value()).isEqualTo(1); // after MPES 2021
        assertThat(h.consecutiveYearsHolding(GES, 2022, MPES, false).value()).isEqualTo(3); // 2020–2022
    }

    @Test
    void initiatives_from_a_parameter_year_are_those_from_its_whole_number() {
        History h = soldiers().get(1);
        for (Number first : List.of(2015, 2019, 2022.0, 2024, Double.NaN)) {
            assertThat(h.initiativesIn(first, 2022, InitiativeLevel.GRASSROOTS))
                    .isEqualTo(h.initiativesIn(first.intValue(), 2022, InitiativeLevel.GRASSROOTS));
        }
    }

    @Test
    void education_is_true_false_or_unknown_with_the_evidence_of_education() {
        for (Education recorded : new Education[] {null, Education.COLLEGE_OR_BELOW, Education.UNIVERSITY, Education.POSTGRADUATE}) {
            History h = new History(withEducation(Facts.person("E").subject(), recorded));
            Measure is = h.educationIs(Education.COLLEGE_OR_BELOW);
            assertThat(is.value()).isEqualTo(recorded == null ? null : recorded == Education.COLLEGE_OR_BELOW);
            assertThat(is.evidence()).isEqualTo(h.education().evidence());
            assertThat(is.detail()).isNull();
            assertThat(is.ifConfirmed()).isNull();
        }
    }

    // ---------------------------------------------------------------- windows

    /** A person with a prior award in some histories, initiatives of several kinds and levels. */
    private static List<History> windowed() {
        List<History> out = new ArrayList<>();
        for (Integer prior : new Integer[] {null, 2014, 2017, 2019, 2022}) {
            Facts f = Facts.person("W" + prior).rated(Rating.EXCELLENT, 2015, 2016, 2018, 2019, 2020, 2021, 2022)
                    .rated(Rating.GOOD, 2017);
            if (prior != null) f.title("PRIME_MINISTER_CERTIFICATE_OF_MERIT", prior).title("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", prior);
            Subject s = f.subject();
            List<InitiativeFact> initiatives = new ArrayList<>();
            int n = 0;
            for (int y = 2015; y <= 2022; y++) {
                for (InitiativeKind kind : InitiativeKind.values()) {
                    InitiativeLevel level = InitiativeLevel.values()[(y + kind.ordinal()) % InitiativeLevel.values().length];
                    initiatives.add(new InitiativeFact(y, level, kind, null, null, "i" + n++, "test"));
                }
            }
            out.add(new History(withInitiatives(s, initiatives)));
        }
        return out;
    }

    @Test
    void a_windows_initiatives_are_those_of_its_span_and_none_without_a_prior_award() {
        for (History h : windowed()) {
            for (int year = 2018; year <= 2023; year++) {
                for (InitiativeLevel level : InitiativeLevel.values()) {
                    for (InitiativeKind kind : InitiativeKind.values()) {
                        // Labour Order Third Class 2013: both ends chosen by whether the prior award was received
                        AwardWindow w = h.windowAfter("PRIME_MINISTER_CERTIFICATE_OF_MERIT", year, Rating.EXCELLENT);
                        int windowFrom = w.prior() == null ? year + 1 : w.from();
                        int windowTo = w.prior() == null ? year : w.to();
                        assertThat(w.initiatives(level, kind)).isEqualTo(h.initiativesIn(windowFrom, windowTo, level, kind));
                        // Prime Minister's certificate 2013: the start chosen, the end the evaluation year; either reading
                        for (boolean after : new boolean[] {true, false}) {
                            AwardWindow v = h.window("MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", year, Rating.EXCELLENT, "LATEST", after);
                            int from = v.prior() == null ? year + 1 : v.from();
                            assertThat(v.initiatives(level, kind)).isEqualTo(h.initiativesIn(from, year, level, kind));
                        }
                    }
                }
            }
        }
    }

    @Test
    void initiatives_in_the_run_rated_are_those_inside_the_run_ending_at_the_year() {
        for (History h : windowed()) {
            for (int year = 2016; year <= 2023; year++) {
                for (InitiativeKind kind : InitiativeKind.values()) {
                    // Ministerial certificate 2022, "trong thời gian đó"
                    Measure excellentRun = h.consecutiveYearsRated(Rating.EXCELLENT, year);
                    int runFrom = year - ((Number) excellentRun.value()).intValue() + 1;
                    assertThat(h.initiativesInRunRated(Rating.EXCELLENT, year, InitiativeLevel.GRASSROOTS, kind).atLeast(1))
                            .isEqualTo(h.initiativesIn(runFrom, year, InitiativeLevel.GRASSROOTS, kind).atLeast(1));
                }
            }
        }
        History h = windowed().get(0);
        assertThat(h.initiativesInRunRated(Rating.EXCELLENT, 2017, InitiativeLevel.GRASSROOTS, InitiativeKind.INITIATIVE).value())
                .as("2017 is rated GOOD: the run is empty").isEqualTo(0);
    }

    @Test
    void a_window_asked_twice_is_computed_once_and_again_after_a_decision() {
        History h = Facts.person("M").rated(Rating.GOOD, 2019, 2020, 2021, 2022).title("LABOR_ORDER_THIRD_CLASS", 2018).history();
        AwardWindow first = h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD);
        assertThat(h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD)).isSameAs(first);
        assertThat(h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD, "LATEST")).isSameAs(first);
        assertThat(h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2022, Rating.EXCELLENT)).isNotSameAs(first);
        assertThat(h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2021, Rating.GOOD)).isNotSameAs(first);
        assertThat(h.runWithPrior("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD))
                .isSameAs(h.runWithPrior("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD));

        // A decision of this evaluation can move the prior award: the window is read again.
        h.recordDecision("LABOR_ORDER_THIRD_CLASS", 2020, Outcome.ELIGIBLE);
        AwardWindow after = h.windowAfter("LABOR_ORDER_THIRD_CLASS", 2022, Rating.GOOD);
        assertThat(after.prior()).isEqualTo(2020);
        assertThat(first.prior()).isEqualTo(2018);
    }

    // ---------------------------------------------------------------- members

    @Test
    void a_share_with_the_months_as_a_number_is_the_share_with_their_whole_number() {
        List<History> members = List.of(
                Facts.person("A").hired("2010-01-01").title("ADVANCED_LABORER", 2022).history(),
                Facts.person("B").hired("2022-09-01").title("ADVANCED_LABORER", 2022).history(),
                Facts.person("C").hired("2022-03-01").history(),
                Facts.person("D").hired("2015-01-01").history());
        History unit = new History(Facts.unit("U").subject(), members);
        for (Number months : List.of(0, 6, 10, 6.0, Double.NaN)) {
            assertThat(unit.members().share("ADVANCED_LABORER", 2022, months))
                    .isEqualTo(unit.members().share("ADVANCED_LABORER", 2022, months.intValue()));
        }
        // B (four months) is left out: A of A, C, D
        assertThat(unit.members().share("ADVANCED_LABORER", 2022, (Number) 6).value()).isEqualTo(1 / 3.0);
    }

    // ---------------------------------------------------------------- helpers of the test

    private static Subject withEducation(Subject s, Education education) {
        return new Subject(s.id(), s.kind(), s.name(), s.unit(), s.hiredOn(), s.manager(), education, s.unionMember(),
                s.armedForces(), s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.disciplines(), s.absences(),
                s.attestations(), s.memberAggregates(), s.clusterRankings(), s.deceasedOn(), s.contractSince());
    }

    static Subject withManagerAndEducation(Subject s, Boolean manager, Education education) {
        return new Subject(s.id(), s.kind(), s.name(), s.unit(), s.hiredOn(), manager, education, s.unionMember(),
                s.armedForces(), s.ratings(), s.titles(), s.commendations(), s.initiatives(), s.disciplines(), s.absences(),
                s.attestations(), s.memberAggregates(), s.clusterRankings(), s.deceasedOn(), s.contractSince());
    }

    static Subject withInitiatives(Subject s, List<InitiativeFact> initiatives) {
        return new Subject(s.id(), s.kind(), s.name(), s.unit(), s.hiredOn(), s.manager(), s.education(), s.unionMember(),
                s.armedForces(), s.ratings(), s.titles(), s.commendations(), initiatives, s.disciplines(), s.absences(),
                s.attestations(), s.memberAggregates(), s.clusterRankings(), s.deceasedOn(), s.contractSince());
    }
}
