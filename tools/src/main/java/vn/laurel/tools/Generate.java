package vn.laurel.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import vn.laurel.engine.cli.Cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * {@code ./laurel generate --people N [--years Y] [--seed S] --out DIR}: a fictional province of N
 * people over Y years (ending 2025), as the import's CSV files. Deterministic: each person's history
 * comes from the seed and the person's number alone, so the same arguments always give the same
 * files. The variety follows the demo department: chains of titles and breaks, discipline, absences,
 * initiatives at every level, new hires, transfers, units with ratings.
 */
@Command(name = "laurel generate", description = {"Write a fictional province of N people over Y years (ending " + Generate.END_YEAR + ") as the import's CSV files.",
        "Deterministic: the same arguments always give the same files."},
        exitCodeListHeading = Cli.EXIT_CODES_HEADING, exitCodeList = {"0:written", "1:the files could not be written", "2:usage error"})
public final class Generate implements Callable<Integer> {
    static final int END_YEAR = 2025;
    static final int PEOPLE_PER_UNIT = 200;
    static final int UNITS_PER_DEPARTMENT = 20;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Đức", "Thu", "Quốc", "Hữu", "Ngọc", "Thanh", "Xuân"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hoa", "Hùng", "Khoa", "Lan", "Linh",
            "Long", "Mai", "Nam", "Phương", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến"};
    private static final String[] RATINGS = {"EXCELLENT", "GOOD", "COMPLETED", "NOT_COMPLETED", "NOT_RATED"};

    @Spec
    CommandSpec spec;

    @Mixin
    Cli.Help help;

    @Option(names = "--people", paramLabel = "N", description = "How many people (required, > 0).")
    int people;

    @Option(names = "--years", paramLabel = "Y", description = "How many years, 1..60 (default: ${DEFAULT-VALUE}).")
    int years = 10;

    @Option(names = "--seed", paramLabel = "S", description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed = 20260115L;

    @Option(names = "--out", paramLabel = "DIR", description = "The directory to write (required).")
    Path out;

    public static void main(String[] args) {
        Cli.main(new Generate(), args);
    }

    @Override
    public Integer call() throws IOException {
        if (people <= 0 || out == null || years < 1 || years > 60) {
            throw new ParameterException(spec.commandLine(), "--people N (> 0) and --out DIR are required; --years 1..60");
        }
        long started = System.nanoTime();
        Files.createDirectories(out);
        long rows = write(out, people, years, seed);
        spec.commandLine().getOut().printf("%d people × %d years: %d rows in %s, %.1f s%n", people, years, rows, out, (System.nanoTime() - started) / 1e9);
        return Cli.OK;
    }

    /** Writes every file; returns the number of data rows. */
    static long write(Path dir, int people, int years, long seed) throws IOException {
        int firstYear = END_YEAR - years + 1;
        int units = Math.max(1, (people + PEOPLE_PER_UNIT - 1) / PEOPLE_PER_UNIT);
        int departments = Math.max(1, (units + UNITS_PER_DEPARTMENT - 1) / UNITS_PER_DEPARTMENT);
        long rows = 0;
        try (Csv unitsCsv = new Csv(dir, "units.csv", "code,name,parent,sector");
             Csv peopleCsv = new Csv(dir, "people.csv", "id,name,unit,hired_on,manager,education,union_member,armed_forces");
             Csv memberships = new Csv(dir, "memberships.csv", "subject,unit,from,to");
             Csv ratings = new Csv(dir, "ratings.csv", "subject,year,rating");
             Csv titles = new Csv(dir, "titles.csv", "subject,year,code,decision_no,decided_on,revoked");
             Csv initiatives = new Csv(dir, "initiatives.csv", "subject,year,level,kind,benefit_vnd,title");
             Csv disciplines = new Csv(dir, "disciplines.csv", "subject,form,status,decided_on,until,since");
             Csv absences = new Csv(dir, "absences.csv", "subject,year,days");
             Csv attestations = new Csv(dir, "attestations.csv", "subject,year,criterion,value,attested_by,attested_on")) {
            unitsCsv.row("GEN", "Tỉnh minh hoạ", "", "GOVERNMENT");
            for (int d = 0; d < departments; d++) unitsCsv.row(department(d), "Sở minh hoạ " + (d + 1), "GEN", sector(d));
            for (int u = 0; u < units; u++) {
                unitsCsv.row(unit(u), "Phòng minh hoạ " + (u + 1), department(u / UNITS_PER_DEPARTMENT), "");
                SplittableRandom r = new SplittableRandom(seed ^ (0x5DEECE66DL * (u + 1)));
                for (int y = firstYear; y <= END_YEAR; y++) {
                    ratings.row(unit(u), y, r.nextInt(10) < 4 ? "EXCELLENT" : "GOOD");
                    for (String c : new String[]{"EMULATION_PARTICIPATION", "INTERNAL_UNITY", "EXEMPLARY_COMPLIANCE"}) {
                        attestations.row(unit(u), y, c, "true", "Hội đồng TĐKT", y + "-12-20");
                    }
                }
            }
            for (int p = 0; p < people; p++) person(p, seed, firstYear, peopleCsv, memberships, ratings, titles, initiatives,
                    disciplines, absences, attestations);
            for (Csv c : new Csv[]{unitsCsv, peopleCsv, memberships, ratings, titles, initiatives, disciplines, absences, attestations}) {
                rows += c.rows;
            }
        }
        return rows;
    }

    private static void person(int p, long seed, int firstYear, Csv people, Csv memberships, Csv ratings, Csv titles, Csv initiatives,
                               Csv disciplines, Csv absences, Csv attestations) {
        SplittableRandom r = new SplittableRandom(seed * 31 + p);
        String id = String.format("P%07d", p + 1);
        int unit = p / PEOPLE_PER_UNIT;
        // Most have served for years; one in twenty joined during the period, some in the last year.
        int hireYear = r.nextInt(20) == 0 ? firstYear + r.nextInt(END_YEAR - firstYear + 1) : firstYear - 1 - r.nextInt(15);
        LocalDate hired = LocalDate.of(hireYear, 1 + r.nextInt(12), 1 + r.nextInt(28));
        String name = FAMILY[r.nextInt(FAMILY.length)] + " " + MIDDLE[r.nextInt(MIDDLE.length)] + " " + GIVEN[r.nextInt(GIVEN.length)];
        people.row(id, name, unit(unit), hired, r.nextInt(10) == 0, r.nextInt(3) == 0 ? "POSTGRADUATE" : r.nextInt(4) == 0 ? "COLLEGE_OR_BELOW" : "UNIVERSITY",
                r.nextInt(10) < 9, false);
        if (r.nextInt(50) == 0 && unit > 0) {
            // A transfer: the first years in the previous unit.
            LocalDate moved = LocalDate.of(Math.max(hireYear, firstYear) + 1 + r.nextInt(3), 7, 1);
            memberships.row(id, unit(unit - 1), hired, moved.minusDays(1));
            memberships.row(id, unit(unit), moved, "");
        } else {
            memberships.row(id, unit(unit), hired, "");
        }
        int chain = 0;
        for (int y = Math.max(firstYear, hireYear); y <= END_YEAR; y++) {
            int roll = r.nextInt(100);
            String rating = roll < 20 ? RATINGS[0] : roll < 80 ? RATINGS[1] : roll < 95 ? RATINGS[2] : roll < 98 ? RATINGS[3] : RATINGS[4];
            ratings.row(id, y, rating);
            boolean good = rating.equals("EXCELLENT") || rating.equals("GOOD");
            if (r.nextInt(12) == 0) {
                int level = r.nextInt(100);
                initiatives.row(id, y, level < 80 ? "GRASSROOTS" : level < 97 ? "MINISTERIAL_PROVINCIAL" : "NATIONAL",
                        r.nextInt(5) == 0 ? "SCIENCE_PROJECT" : "INITIATIVE", 1_000_000L * (10 + r.nextInt(300)), "Sáng kiến " + y);
            }
            boolean disciplined = r.nextInt(100) == 0;
            if (disciplined) disciplines.row(id, r.nextInt(3) == 0 ? "WARNING" : "REPRIMAND", "DECIDED", y + "-04-10", y + 1 + "-04-10", "");
            if (r.nextInt(50) == 0) absences.row(id, y, 5 + r.nextInt(56));
            boolean attested = y < END_YEAR || r.nextInt(20) != 0;
            if (attested) attestations.row(id, y, "EMULATION_PARTICIPATION", r.nextInt(100) != 0, "Hội đồng TĐKT", y + "-12-20");
            // Titles already conferred: every year but the one now being evaluated.
            if (y < END_YEAR && good && !disciplined) {
                titles.row(id, y, "ADVANCED_LABORER", "TD-" + y + "/" + (unit + 1), (y + 1) + "-01-20", false);
                chain = rating.equals("EXCELLENT") && r.nextInt(10) < 7 ? chain + 1 : 0;
                if (chain > 0) titles.row(id, y, "GRASSROOTS_EMULATION_SOLDIER", "CS-" + y + "/" + (unit + 1), (y + 1) + "-01-25", false);
            } else {
                chain = 0;
            }
        }
        if (r.nextInt(2000) == 0) disciplines.row(id, "", "PENDING", "", "", (END_YEAR) + "-11-02");
    }

    private static String unit(int u) { return String.format("GEN-U%05d", u + 1); }

    private static String department(int d) { return String.format("GEN-D%04d", d + 1); }

    private static String sector(int d) {
        String[] sectors = {"EDUCATION", "HEALTH", "CONSTRUCTION", "FINANCE", "SCIENCE"};
        return sectors[d % sectors.length];
    }

    /** A CSV file written row by row; values are quoted only when they must be. */
    private static final class Csv implements AutoCloseable {
        private final BufferedWriter out;
        long rows;

        Csv(Path dir, String name, String header) {
            try {
                out = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8);
                out.write(header);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void row(Object... values) {
            try {
                for (int i = 0; i < values.length; i++) {
                    if (i > 0) out.write(',');
                    String v = String.valueOf(values[i]);
                    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) v = '"' + v.replace("\"", "\"\"") + '"';
                    out.write(v);
                }
                out.write('\n');
                rows++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException { out.close(); }
    }
}
