package vn.laurel.tools.bench;

import vn.laurel.engine.evaluation.EvaluationResult;
import vn.laurel.engine.evaluation.Evaluator;
import vn.laurel.engine.model.Outcome;
import vn.laurel.engine.model.*;
import vn.laurel.engine.ruleset.RuleSet;
import vn.laurel.engine.ruleset.RuleSetLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;
import java.util.function.IntSupplier;

/**
 * {@code java -cp … vn.laurel.tools.bench.EngineBench --rules DIR [--quick]}: the engine benchmark of
 * docs/benchmarks.md. One person with ten years of facts, decided for 2025 under the 2022 law:
 * every individual award with the trace on and off, the four awards of {@link PlainEvaluator} on the
 * engine, and the same four by the hand-written evaluator. The variants run in turns, round after
 * round, in one JVM, so that they share the machine's load; each variant's figure is the median of
 * its rounds. Also: compiling and checking the whole rules directory (the work of a reload before
 * its scenarios run). A harness rather than JMH: a dead-code guard (every answer feeds a checksum),
 * warm-up rounds, and rounds of a fixed duration.
 */
public final class EngineBench {
    static final int YEAR = 2025;
    static final LocalDate AS_OF = LocalDate.of(2026, 1, 15);
    static final Organisation ORGANISATION = new Organisation("GEN", "GOVERNMENT");
    private static long checksum;

    private EngineBench() {}

    public static void main(String[] args) throws Exception {
        Path rulesDir = Path.of("rules");
        boolean quick = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--rules")) rulesDir = Path.of(args[++i]);
            else if (args[i].equals("--quick")) quick = true;
        }
        int warmups = quick ? 2 : 3, rounds = quick ? 3 : 7;
        long roundMillis = quick ? 1000 : 3000;
        RuleSet rules = RuleSetLoader.load(rulesDir);
        Subject person = tenYears();
        CaseDocument all = new CaseDocument(null, AS_OF, YEAR, List.of(), ORGANISATION, person, List.of(), Map.of());
        CaseDocument four = new CaseDocument(null, AS_OF, YEAR, PlainEvaluator.AWARDS, ORGANISATION, person, List.of(), Map.of());
        Evaluator traced = new Evaluator(() -> rules, true), untraced = new Evaluator(() -> rules, false);
        PlainEvaluator plain = new PlainEvaluator(rules.parameters());
        int awards = untraced.evaluate(all).results().size();

        Map<String, IntSupplier> variants = new LinkedHashMap<>();
        variants.put("engine, every individual award (" + awards + "), trace on", () -> sum(traced.evaluate(all)));
        variants.put("engine, every individual award (" + awards + "), trace off", () -> sum(untraced.evaluate(all)));
        variants.put("engine, 4 awards, trace on", () -> sum(traced.evaluate(four)));
        variants.put("engine, 4 awards, trace off", () -> sum(untraced.evaluate(four)));
        variants.put("hand-written Java, 4 awards", () -> plain.evaluate(person, YEAR, AS_OF, ORGANISATION).values().stream()
                .mapToInt(Outcome::ordinal).sum());

        System.out.printf(Locale.ROOT, "engine benchmark: %d warm-up + %d measured rounds of %d ms per variant, load average %s%n",
                warmups, rounds, roundMillis, loadAverage());
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        for (int r = 0; r < warmups + rounds; r++) {
            for (Map.Entry<String, IntSupplier> v : variants.entrySet()) {
                double rate = run(v.getValue(), roundMillis);
                if (r >= warmups) rates.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(rate);
            }
        }
        Map<String, Double> median = new LinkedHashMap<>();
        rates.forEach((k, v) -> median.put(k, median(v)));
        median.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-55s %,10.0f persons/s  (%,.1f µs each; rounds %s)%n", k, v, 1e6 / v,
                rates.get(k).stream().map(x -> String.format(Locale.ROOT, "%.0f", x)).toList()));

        List<Double> compile = new ArrayList<>();
        for (int i = 0; i < (quick ? 3 : 5); i++) {
            long t = System.nanoTime();
            checksum += RuleSetLoader.load(rulesDir, false).version().hashCode(); // a real build, not a reuse of the last one
            compile.add((System.nanoTime() - t) / 1e9);
        }
        System.out.printf(Locale.ROOT, "  %-55s %10.2f s  (runs %s)%n", "compile and check the whole rules directory", median(compile),
                compile.stream().map(x -> String.format(Locale.ROOT, "%.2f", x)).toList());
        System.out.printf(Locale.ROOT, "  load average after: %s (checksum %d)%n", loadAverage(), checksum);

        List<Double> m = new ArrayList<>(median.values());
        System.out.printf(Locale.ROOT, "RATIO engine trace on vs off (every award): %.2f (trace costs %+.0f %%; target at most +25 %%)%n",
                m.get(1) / m.get(0), (m.get(1) / m.get(0) - 1) * 100);
        System.out.printf(Locale.ROOT, "RATIO hand-written Java vs engine, 4 awards, trace off: %.1f× (engine %,.0f persons/s, hand-written %,.0f)%n",
                m.get(4) / m.get(3), m.get(3), m.get(4));
    }

    private static int sum(EvaluationResult r) {
        int s = 0;
        for (var a : r.results()) s += a.outcome().ordinal();
        return s + r.firedRules().size();
    }

    private static double run(IntSupplier op, long millis) {
        long end = System.nanoTime() + millis * 1_000_000L, start = System.nanoTime(), n = 0;
        long now;
        do {
            checksum += op.getAsInt();
            n++;
        } while ((now = System.nanoTime()) < end);
        return n / ((now - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * A civil servant hired in 2012, rated every year 2016–2025 (mostly EXCELLENT), an Advanced
     * Laborer each year, grassroots emulation soldier in 2019–2024, a ministry certificate in 2020,
     * initiatives, a reprimand in 2017, absences, and the council's attestations: enough history
     * for every criterion to count something.
     */
    static Subject tenYears() {
        List<RatingFact> ratings = new ArrayList<>();
        List<TitleFact> titles = new ArrayList<>();
        List<CommendationFact> commendations = new ArrayList<>();
        List<InitiativeFact> initiatives = new ArrayList<>();
        List<AbsenceFact> absences = new ArrayList<>();
        List<AttestationFact> attestations = new ArrayList<>();
        int id = 1;
        for (int y = 2016; y <= YEAR; y++) {
            ratings.add(new RatingFact(y, y == 2017 ? Rating.COMPLETED : y % 3 == 0 ? Rating.GOOD : Rating.EXCELLENT, "rating:" + id++, "bench"));
            if (y != 2017) titles.add(new TitleFact(y, "ADVANCED_LABORER", "QD-" + y, LocalDate.of(y + 1, 1, 20), false, "title:" + id++, "bench"));
            if (y >= 2019 && y <= 2024) titles.add(new TitleFact(y, "GRASSROOTS_EMULATION_SOLDIER", "QD-CS-" + y, LocalDate.of(y + 1, 1, 25), false, "title:" + id++, "bench"));
            if (y % 2 == 0) initiatives.add(new InitiativeFact(y, y >= 2022 ? InitiativeLevel.MINISTERIAL_PROVINCIAL : InitiativeLevel.GRASSROOTS,
                    InitiativeKind.INITIATIVE, 150_000_000L, "Sáng kiến " + y, "initiative:" + id++, "bench"));
            absences.add(new AbsenceFact(y, 3 + y % 5, "absence:" + id++, "bench"));
            for (String c : List.of("EMULATION_PARTICIPATION", "EXEMPLARY_COMPLIANCE", "INTERNAL_UNITY")) {
                attestations.add(new AttestationFact(y, c, true, "Hội đồng TĐKT", LocalDate.of(y, 12, 20), "attestation:" + id++, "bench"));
            }
        }
        commendations.add(new CommendationFact(2020, "MINISTERIAL_PROVINCIAL_CERTIFICATE_OF_MERIT", CommendationKind.MERIT, "QD-BK-2020",
                LocalDate.of(2021, 3, 1), false, "commendation:" + id++, "bench"));
        List<DisciplineFact> disciplines = List.of(new DisciplineFact(DisciplineForm.REPRIMAND, DisciplineStatus.DECIDED,
                LocalDate.of(2017, 5, 10), LocalDate.of(2018, 5, 10), null, "discipline:" + id, "bench"));
        return new Subject("P-BENCH", SubjectKind.PERSON, "Nguyễn Văn Bench", "GEN-U1", LocalDate.of(2012, 3, 1), false,
                Education.UNIVERSITY, true, false, ratings, titles, commendations, initiatives, disciplines, absences, attestations,
                List.of(), List.of(), null);
    }
}
