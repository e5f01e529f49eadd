package vn.laurel.api.councils;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.laurel.api.csv.CsvReader;
import vn.laurel.api.store.UnitDirectory;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.*;

/**
 * The demo department's council (examples/demo/year/council-*.csv): its members, a session on 2025 and its
 * ballots, recorded through the service like any board's, once the demo department is loaded (on the
 * server's start, after the demo import of the start event). Skipped when the council exists already or the
 * department is not in the database; a ballot the data no longer allows is logged, not fatal.
 *
 * <p>The demo's ballots are on eligible candidates of titles that need a ballot: they write no attestation,
 * so the demo's documented outcomes (examples/demo/README.md) stay as they are.
 */
@Singleton
@Requires(property = "laurel.demo.enabled", value = "true")
public class CouncilDemo implements ApplicationEventListener<ServerStartupEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(CouncilDemo.class);

    private final Path dir;
    private final CouncilService service;
    private final CouncilStore store;
    private final UnitDirectory directory;

    public CouncilDemo(@Value("${laurel.demo.dir}") String dir, CouncilService service, CouncilStore store, UnitDirectory directory) {
        this.dir = Path.of(dir).resolve("year");
        this.service = service;
        this.store = store;
        this.directory = directory;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Path members = dir.resolve("council-members.csv");
        if (!Files.isRegularFile(members)) return;
        try {
            load(members);
        } catch (IOException | RuntimeException e) {
            LOG.error("Demo council not loaded: {}", e.getMessage());
        }
    }

    private void load(Path membersFile) throws IOException {
        Map<String, List<CsvReader.Row>> byCouncil = new LinkedHashMap<>();
        for (CsvReader.Row r : rows(membersFile)) byCouncil.computeIfAbsent(r.get("council"), k -> new ArrayList<>()).add(r);
        for (Map.Entry<String, List<CsvReader.Row>> e : byCouncil.entrySet()) {
            String code = e.getKey();
            CsvReader.Row first = e.getValue().get(0);
            if (store.exists(code)) continue;
            if (directory.subtree(first.get("unit")).isEmpty()) {
                LOG.info("Demo council {} not loaded: no unit {}", code, first.get("unit"));
                continue;
            }
            List<CsvReader.Row> sorted = new ArrayList<>(e.getValue());
            sorted.sort(Comparator.comparingInt(r -> Integer.parseInt(r.get("number"))));
            List<CouncilService.NewMember> members = sorted.stream().map(r -> new CouncilService.NewMember(r.get("member"), r.get("position"),
                    LocalDate.parse(r.get("from")), r.get("to") == null ? null : LocalDate.parse(r.get("to")))).toList();
            Council council = service.create(code, first.get("name"), first.get("unit"), members, "demo");
            sessions(council);
            LOG.info("Demo council {} loaded with {} members", code, members.size());
        }
    }

    private void sessions(Council council) throws IOException {
        Path file = dir.resolve("council-sessions.csv");
        if (!Files.isRegularFile(file)) return;
        Map<Integer, Long> byNumber = new HashMap<>();
        for (CsvReader.Row r : rows(file)) {
            if (!council.code().equals(r.get("council"))) continue;
            LocalDate heldOn = LocalDate.parse(r.get("held_on"));
            Set<Integer> written = numbers(r.get("written")), absent = numbers(r.get("absent"));
            List<Long> present = new ArrayList<>(), inWriting = new ArrayList<>();
            for (Council.Member m : council.membersOn(heldOn)) {
                if (written.contains(m.number())) inWriting.add(m.id());
                else if (!absent.contains(m.number())) present.add(m.id());
            }
            CouncilSession s = service.createSession(new CouncilService.NewSession(council.code(), Integer.parseInt(r.get("year")), heldOn,
                    r.get("note"), present, inWriting), "demo");
            byNumber.put(Integer.parseInt(r.get("session")), s.id());
        }
        ballots(council, byNumber);
    }

    private void ballots(Council council, Map<Integer, Long> sessions) throws IOException {
        Path file = dir.resolve("council-ballots.csv");
        if (!Files.isRegularFile(file)) return;
        Map<Long, List<CouncilService.BallotRequest>> bySession = new LinkedHashMap<>();
        for (CsvReader.Row r : rows(file)) {
            Long sessionId = sessions.get(Integer.parseInt(r.get("session")));
            if (sessionId == null) continue;
            CouncilSession s = service.session(sessionId);
            Set<Integer> against = numbers(r.get("against")), abstain = numbers(r.get("abstain"));
            Map<Long, Vote> votes = new LinkedHashMap<>();
            for (Council.Member m : council.membersOn(s.heldOn())) {
                if (s.attendanceOf(m.id()) == Attendance.ABSENT) continue;
                votes.put(m.id(), against.contains(m.number()) ? Vote.AGAINST : abstain.contains(m.number()) ? Vote.ABSTAIN : Vote.FOR);
            }
            bySession.computeIfAbsent(sessionId, k -> new ArrayList<>()).add(new CouncilService.BallotRequest(r.get("subject"), r.get("award"), votes));
        }
        for (Map.Entry<Long, List<CouncilService.BallotRequest>> e : bySession.entrySet()) {
            try {
                service.record(e.getKey(), e.getValue(), "demo");
            } catch (CouncilRefused refused) {
                LOG.error("Demo ballots of session {} not recorded: {} {} {}", e.getKey(), refused.field(), refused.key(), refused.args());
            }
        }
    }

    private static Set<Integer> numbers(String list) {
        Set<Integer> out = new HashSet<>();
        if (list == null) return out;
        for (String n : list.split("[;\\s]+")) if (!n.isBlank()) out.add(Integer.parseInt(n.strip()));
        return out;
    }

    private static List<CsvReader.Row> rows(Path file) throws IOException {
        List<CsvReader.Row> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvReader csv = new CsvReader(in)) {
            csv.forEachRemaining(out::add);
        }
        return out;
    }
}
