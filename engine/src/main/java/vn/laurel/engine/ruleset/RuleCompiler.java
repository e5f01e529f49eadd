package vn.laurel.engine.ruleset;

import org.drools.compiler.kie.builder.impl.InternalKieModule;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import vn.laurel.engine.concurrent.Parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a set of DRL files into a KieBase with Drools' executable model: conditions and actions
 * become Java classes (no MVEL: it is not even on the class path), so what a rule can reach is
 * visible in the compiled form. Three steps, nothing loaded before the last: the shape of each file
 * ({@link DrlShape}), compilation, and the allow-list on every generated class ({@link CompiledCodeCheck}).
 */
final class RuleCompiler {
    private static final String RESOURCES = "src/main/resources/";
    // Drools puts the column only in the message text: "[ERR 101] Line 12:18 no viable alternative…"
    private static final Pattern LINE_COLUMN = Pattern.compile("Line (\\d+):(\\d+)");

    record Result(KieBase kieBase, List<RuleProblem> problems) {}

    /**
     * Compiles each regime into its own KieBase, the regimes side by side: a reload waits for the
     * slowest regime, not for their sum. Regimes without files are left out of the answer.
     */
    static Map<String, Result> compileAll(Map<String, Map<String, byte[]>> sourcesByRegime, Map<String, String> keys, boolean reuse) {
        List<String> regimes = sourcesByRegime.keySet().stream().filter(r -> !sourcesByRegime.get(r).isEmpty()).toList();
        List<Result> results = Parallel.map("laurel-compile", regimes, r -> compile(sourcesByRegime.get(r), keys.get(r), reuse));
        Map<String, Result> out = new LinkedHashMap<>();
        for (int i = 0; i < regimes.size(); i++) out.put(regimes.get(i), results.get(i));
        return out;
    }

    /**
     * Compiles rule files (path relative to the rule set → text) into one KieBase. {@code key} names what
     * the build depends on (null: the texts themselves); a recent successful build of the same key is reused.
     */
    static Result compile(Map<String, byte[]> sources, String key, boolean reuse) {
        if (key == null) key = ContentHash.of(sources);
        KieBase known = reuse ? RECENT.get(key) : null;
        if (known != null) return new Result(known, List.of());
        Result result = build(sources);
        if (result.kieBase() != null) RECENT.put(key, result.kieBase());
        return result;
    }

    /**
     * The KieBases of the last few successful builds, by the files (names and bytes) they were built
     * from. A KieBase is immutable and hands out independent sessions, so a regime whose files did
     * not change is not built again: a reload after an edit rebuilds only the regimes the edit
     * touches (an edit to a rule of one regime leaves the others' text as it was), and a rollback to a
     * recent version builds nothing.
     */
    private static final int KEPT = 6;
    private static final Map<String, KieBase> RECENT = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KieBase> eldest) {
            return size() > KEPT;
        }
    });

    private static Result build(Map<String, byte[]> sources) {
        DrlShape.Result shape = DrlShape.check(sources);
        if (!shape.problems().isEmpty()) {
            // A refused file is never compiled; the others are, for their own problems, so that policy
            // staff see every problem at once (one file now serves every regime).
            Map<String, byte[]> clean = new LinkedHashMap<>(sources);
            shape.problems().forEach(p -> clean.remove(p.file()));
            List<RuleProblem> all = new ArrayList<>(shape.problems());
            if (!clean.isEmpty()) all.addAll(build(clean).problems());
            return new Result(null, all);
        }
        KieServices ks = KieServices.Factory.get();
        ClassLoader loader = RuleCompiler.class.getClassLoader();
        // A unique release id per build keeps rebuilds apart; the module is removed again below.
        ReleaseId releaseId = ks.newReleaseId("vn.laurel", "ruleset", "1.0.0-" + UUID.randomUUID());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        sources.forEach((name, bytes) -> kfs.write(RESOURCES + name, bytes));
        KieBuilder builder = ks.newKieBuilder(kfs, loader);
        builder.buildAll(ExecutableModelProject.class);
        List<RuleProblem> problems = problemsOf(builder.getResults().getMessages(Message.Level.ERROR), sources);
        if (!problems.isEmpty()) {
            ks.getRepository().removeKieModule(releaseId);
            return new Result(null, problemsOfEachFile(problems, sources));
        }
        // Read every generated class before any is loaded: nothing of a refused rule ever runs.
        // The module leaves the global KieRepository whatever happens (each build has a release id of its own).
        try {
            InternalKieModule module = (InternalKieModule) builder.getKieModule();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (String name : module.getFileNames()) {
                if (name.endsWith(".class")) classes.put(name, module.getBytes(name));
            }
            List<RuleProblem> refused = CompiledCodeCheck.check(classes, shape.rules(), sources);
            if (!refused.isEmpty()) return new Result(null, refused);
            // A rule whose action throws makes its criterion NEEDS_REVIEW instead of failing the answer.
            org.kie.api.KieBaseConfiguration configuration = ks.newKieBaseConfiguration(null, loader);
            configuration.setOption(org.kie.internal.conf.ConsequenceExceptionHandlerOption.get(
                    vn.laurel.engine.evaluation.RuleFailureHandler.class));
            return new Result(ks.newKieContainer(releaseId, loader).newKieBase(configuration), List.of());
        } finally {
            ks.getRepository().removeKieModule(releaseId);
        }
    }

    /**
     * The executable model stops at the first kind of error, so a broken action in one file hides an
     * unknown field in another. Policy staff want every problem at once: when a build fails, each
     * file is built again on its own (files share nothing but the fact model) and their problems added.
     */
    private static List<RuleProblem> problemsOfEachFile(List<RuleProblem> problems, Map<String, byte[]> sources) {
        if (sources.size() < 2) return problems;
        java.util.Set<RuleProblem> all = new java.util.LinkedHashSet<>(problems);
        for (Map.Entry<String, byte[]> file : sources.entrySet()) {
            all.addAll(build(Map.of(file.getKey(), file.getValue())).problems());
        }
        return new ArrayList<>(all);
    }

    private static List<RuleProblem> problemsOf(List<Message> messages, Map<String, byte[]> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Message m : messages) {
            // "Parser returned a null Package" repeats a syntax error already reported with its line.
            if (m.getText() != null && m.getText().contains("Parser returned a null Package")) continue;
            String path = m.getPath() == null ? "?" : m.getPath();
            if (path.startsWith(RESOURCES)) path = path.substring(RESOURCES.length());
            int line = Math.max(m.getLine(), 0);
            int column = Math.max(m.getColumn(), 0);
            Matcher lc = LINE_COLUMN.matcher(m.getText() == null ? "" : m.getText());
            if (lc.find()) {
                if (line == 0) line = Integer.parseInt(lc.group(1));
                if (column == 0) column = Integer.parseInt(lc.group(2)) + 1; // Drools counts columns from 0
            }
            String text = m.getText() == null ? "" : m.getText().replaceAll("\\s+", " ").trim();
            int trace = text.indexOf(" Problem stacktrace");
            if (trace > 0) text = text.substring(0, trace); // the compiler's own stack, of no use to the rule's author
            if (text.startsWith("Java source of ")) continue; // the generated Java, which policy staff never wrote
            if (!sources.containsKey(path)) {
                // An error in the Java generated from the rules: reported at the rule file that holds what it quotes.
                CompileErrorLocator.At at = CompileErrorLocator.locateAnywhere(text, sources);
                path = at.file();
                line = at.line();
                column = at.column();
            } else if (line <= 0) {
                int[] at = CompileErrorLocator.locate(text, sources.get(path));
                line = at[0];
                column = Math.max(column, at[1]);
            }
            problems.add(RuleProblem.error(path, line, column, text));
        }
        return problems;
    }
}
