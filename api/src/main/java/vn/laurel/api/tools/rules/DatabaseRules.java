package vn.laurel.api.tools.rules;

import com.fasterxml.jackson.annotation.JsonIgnoreType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.ApplicationContext;
import vn.laurel.api.Application;
import vn.laurel.api.rules.RuleStore;
import vn.laurel.api.rules.drafts.DraftService;
import vn.laurel.engine.ruleset.RuleBundle;
import vn.laurel.engine.ruleset.RuleSet;

import java.util.*;

/**
 * {@code ./laurel rules … --db JDBC_URL}: the same work on a database directly, without a running
 * service, through the service's own beans in a small {@link ApplicationContext} (as {@code import}
 * and {@code batch} do): Flyway brings the schema up to date first, and on an empty database the
 * service's start seeds the first revision from the rules directory.
 */
public final class DatabaseRules implements RuleSource {
    /** Turns whatever {@link DraftService#createFromBundle} returns into JSON to read like the API's answer; compiled rules left out. */
    private static final ObjectMapper VIEW = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .addMixIn(RuleSet.class, Ignored.class).build();

    @JsonIgnoreType
    private abstract static class Ignored {}

    private final ApplicationContext context;
    private final RuleStore store;
    private final String by;

    public DatabaseRules(String jdbcUrl, Map<String, String> environment, String by) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LAUREL_DB_URL", jdbcUrl);
        Map<String, Object> props = new HashMap<>(Application.databaseSettings(env));
        props.put("laurel.demo.enabled", false);
        props.put("micronaut.server.enabled", false);
        props.put("laurel.rules.watch", false);
        // The command's own lines on stdout; the service's start-up log only when something is wrong.
        props.put("logger.levels.ROOT", "WARN");
        try {
            this.context = ApplicationContext.builder().properties(props).start();
        } catch (RuntimeException e) {
            throw CommandFailure.failed("cannot open " + jdbcUrl + ": " + rootMessage(e));
        }
        this.store = context.getBean(RuleStore.class);
        this.by = by;
    }

    @Override
    public Pulled pull(Long revision, String version) {
        if (revision != null) {
            store.revision(revision).orElseThrow(() -> CommandFailure.failed("the database has no revision " + revision));
            RuleBundle bundle = store.bundle(revision);
            return new Pulled(bundle, revision, bundle.rulesVersion(), null);
        }
        if (version != null) {
            Optional<RuleStore.Revision> r = store.latestRevisionOf(version);
            if (r.isPresent()) return pull(r.get().id(), null);
            return rulesOnly(version, "no revision of " + version + " is stored with its scenarios: only its rule files were written "
                    + "(scenarios/ is empty)");
        }
        RuleStore.Active active = store.active()
                .orElseThrow(() -> CommandFailure.failed("the database holds no rule set yet: start the service on it once"));
        if (active.revision() != null) return pull(active.revision().id(), null);
        return rulesOnly(active.rulesVersion(), "the rules in service have no revision yet: only their rule files were written "
                + "(scenarios/ is empty)");
    }

    private Pulled rulesOnly(String version, String note) {
        byte[] zip = store.rulesZip(version).orElseThrow(() -> CommandFailure.failed("the database has no rule-set version " + version));
        RuleBundle bundle = RuleBundle.fromZips(zip, null);
        if (!version.equals(bundle.rulesVersion())) {
            throw CommandFailure.failed("the stored files of " + version + " hash to " + bundle.rulesVersion() + ": nothing was written");
        }
        return new Pulled(bundle, null, version, note);
    }

    @Override
    public Pushed push(RuleBundle bundle, Long baseRevision, String title, String note) {
        long base;
        if (baseRevision != null) {
            store.revision(baseRevision).orElseThrow(() -> CommandFailure.failed("the database has no revision " + baseRevision + " to base the draft on"));
            base = baseRevision;
        } else {
            RuleStore.Active active = store.active()
                    .orElseThrow(() -> CommandFailure.failed("the database holds no rule set yet: start the service on it once"));
            if (active.revision() == null) throw CommandFailure.failed("the rules in service have no revision yet: start the service on the database once");
            base = active.revision().id();
        }
        DraftService drafts = context.getBean(DraftService.class);
        Object created;
        try {
            created = drafts.createFromBundle(bundle, base, by, title);
        } catch (UnsupportedOperationException e) {
            throw CommandFailure.failed("this build cannot make drafts: " + e.getMessage());
        } catch (RuntimeException e) {
            throw CommandFailure.failed("the draft was not made: " + rootMessage(e));
        }
        Replies.Draft draft = view(created);
        return new Pushed(draft, files(store.bundle(base), bundle),
                "files only; the line-by-line diff: GET /api/v1/ruleset/drafts/" + (draft.id() == null ? "{id}" : draft.id()) + "/diff on a running service");
    }

    /** The draft as the API would show it, read from whatever the service's method returned (an id alone will do). */
    static Replies.Draft view(Object created) {
        if (created instanceof Number n) {
            return new Replies.Draft(n.longValue(), null, null, null, null, List.of(), null, null, List.of());
        }
        JsonNode json;
        try {
            json = VIEW.valueToTree(created);
        } catch (IllegalArgumentException e) {
            json = VIEW.createObjectNode();
        }
        return Replies.draft(json);
    }

    /** Which files the pushed bundle adds, removes or changes against its base. */
    static List<Replies.FileDiff> files(RuleBundle base, RuleBundle pushed) {
        SortedSet<String> paths = new TreeSet<>(base.files().keySet());
        paths.addAll(pushed.files().keySet());
        List<Replies.FileDiff> out = new ArrayList<>();
        for (String p : paths) {
            byte[] a = base.files().get(p), b = pushed.files().get(p);
            if (a == null) out.add(new Replies.FileDiff(p, "ADDED", List.of()));
            else if (b == null) out.add(new Replies.FileDiff(p, "REMOVED", List.of()));
            else if (!Arrays.equals(a, b)) out.add(new Replies.FileDiff(p, "CHANGED", List.of()));
        }
        return out;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    @Override
    public void close() {
        context.close();
    }
}
