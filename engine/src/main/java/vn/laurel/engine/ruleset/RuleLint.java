package vn.laurel.engine.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the DRL text itself, before and beside compilation. Rule files are data edited by policy
 * staff and loaded into a running service, so they may use the fact model and its helpers and
 * nothing else: a rule that could read files, open connections, reflect or stop the JVM would turn
 * a policy edit into a security incident. Drools compiles rule bodies as Java, so this is enforced
 * on the text:
 * <ul>
 *   <li>imports must name {@code vn.laurel.engine.*} classes (the fact model, history and checks);</li>
 *   <li>a deny-list of tokens (java.io., System., reflection, threads, class loading, exit, …) is
 *       refused anywhere outside comments and string literals;</li>
 *   <li>{@code global} is refused: a global is state shared by every evaluation of the KieBase,
 *       which breaks both thread safety and the rule "an answer depends on the case only";</li>
 *   <li>{@code function} is refused: a DRL function is arbitrary Java; counting belongs in the
 *       tested helpers of {@code History}, where every rule shares it;</li>
 *   <li>no two rules of one regime (its folder plus {@code common/}) share a name: the trace, the
 *       coverage report and the answers name rules, so a name must say which rule.</li>
 * </ul>
 * {@code declare}, {@code query} and {@code eval} stay allowed: they reach nothing outside the session.
 */
final class RuleLint {
    static final String ALLOWED_IMPORT_PREFIX = "vn.laurel.engine.";

    /** Forbidden patterns and why, for the message policy staff read. */
    private static final Map<Pattern, String> DENIED = new LinkedHashMap<>();

    static {
        deny("\\bjava\\s*\\.\\s*(io|nio|net)\\b", "file and network access");
        deny("\\bjavax?\\s*\\.\\s*(script|naming|management|sql)\\b", "scripting, naming, management or database access");
        deny("\\b(Files|Paths|FileInputStream|FileOutputStream|FileReader|FileWriter|RandomAccessFile|Socket|ServerSocket|URL|URLConnection|HttpClient)\\b", "file and network access");
        deny("\\bSystem\\s*\\.", "the System class (exit, properties, environment, streams)");
        deny("\\bRuntime\\b", "the Runtime class (exit, processes)");
        deny("\\bProcessBuilder\\b|\\bProcessHandle\\b", "starting processes");
        deny("\\b(Thread|ThreadGroup|Executors?|ExecutorService|ForkJoinPool|CompletableFuture|Timer)\\b", "threads");
        deny("\\b(ClassLoader|MethodHandles?|Unsafe)\\b", "class loading and method handles");
        deny("\\bClass\\s*\\.\\s*forName\\b", "class loading");
        deny("\\bgetClass\\s*\\(", "reflection");
        deny("\\.\\s*class\\b", "reflection");
        deny("\\breflect\\b", "reflection");
        deny("\\.\\s*invoke\\s*\\(", "reflection");
        deny("\\b(getDeclared\\w*|getMethod|getField|getConstructor|newInstance|setAccessible)\\s*\\(", "reflection");
        deny("\\bexit\\s*\\(", "stopping the service");
        deny("\\bhalt\\s*\\(", "stopping the evaluation or the service");
        deny("\\b(getKieRuntime|getKnowledgeRuntime|getKieBase|getWorkingMemory|getEntryPoint|getChannels)\\s*\\(",
                "reaching into the engine beyond the evaluation");
    }

    private static void deny(String regex, String why) {
        DENIED.put(Pattern.compile(regex), why);
    }

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:(?:static|function|accumulate)\\s+)?([\\w.$*]+)");
    private static final Pattern GLOBAL = Pattern.compile("^\\s*global\\b");
    private static final Pattern FUNCTION = Pattern.compile("^\\s*function\\b");
    private static final Pattern RULE_HEADER = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\w+))");

    private RuleLint() {}

    /** Imports, forbidden tokens, globals and functions, in each file. */
    static List<RuleProblem> check(Path root, List<Path> files) {
        List<RuleProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = RulesDirectory.relative(root, file);
            List<String> lines = code(read(file));
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNo = i + 1;
                Matcher imp = IMPORT.matcher(line);
                if (imp.find()) {
                    if (!imp.group(1).startsWith(ALLOWED_IMPORT_PREFIX)) {
                        problems.add(RuleProblem.error(name, lineNo, imp.start(1) + 1, "forbidden import " + imp.group(1)
                                + ": rule files may import only " + ALLOWED_IMPORT_PREFIX + "* (the fact model and its helpers)"));
                    }
                    continue;
                }
                if (GLOBAL.matcher(line).find()) {
                    problems.add(RuleProblem.error(name, lineNo, line.indexOf("global") + 1, "\"global\" is not allowed: "
                            + "a global is shared by every evaluation; pass values through the Evaluation or a parameter"));
                    continue;
                }
                if (FUNCTION.matcher(line).find()) {
                    problems.add(RuleProblem.error(name, lineNo, line.indexOf("function") + 1, "\"function\" is not allowed: "
                            + "a DRL function is arbitrary Java; ask for a helper in History instead"));
                    continue;
                }
                for (Map.Entry<Pattern, String> d : DENIED.entrySet()) {
                    Matcher m = d.getKey().matcher(line);
                    if (m.find()) {
                        problems.add(RuleProblem.error(name, lineNo, m.start() + 1, "forbidden in a rule file: \""
                                + m.group().replaceAll("\\s+", "") + "\" (" + d.getValue() + ")"));
                    }
                }
            }
        }
        return problems;
    }

    /** Rules of one regime (its folder and common/) that share a name with an earlier one. */
    static List<RuleProblem> duplicateNames(Path root, List<Path> files, String regime) {
        List<RuleProblem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : files) {
            String name = RulesDirectory.relative(root, file);
            List<String> lines = code(read(file));
            List<String> raw = read(file);
            for (int i = 0; i < lines.size(); i++) {
                if (!RULE_HEADER.matcher(lines.get(i)).find()) continue;
                Matcher m = RULE_HEADER.matcher(raw.get(i)); // names are string literals: read them from the raw line
                if (!m.find()) continue;
                String rule = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
                String at = name + ":" + (i + 1);
                String first = seen.putIfAbsent(rule, at);
                if (first != null) {
                    problems.add(RuleProblem.error(name, i + 1, m.start() + 1, "rule name \"" + rule
                            + "\" is already used in regime " + regime + " at " + first));
                }
            }
        }
        return problems;
    }

    /**
     * The lines with comments removed and string literals blanked, columns kept: a legal basis that
     * quotes "System." or an English sentence with "exit(" must not count as code.
     */
    static List<String> code(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        boolean inBlock = false;
        for (String line : lines) {
            StringBuilder b = new StringBuilder(line.length());
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
                if (inBlock) {
                    if (c == '*' && next == '/') { inBlock = false; b.append("  "); i++; } else b.append(' ');
                } else if (quote != 0) {
                    if (c == '\\' && next != 0) { b.append("  "); i++; }
                    else if (c == quote) { quote = 0; b.append(c); }
                    else b.append(' ');
                } else if (c == '/' && next == '/') {
                    break;
                } else if (c == '/' && next == '*') {
                    inBlock = true; b.append("  "); i++;
                } else if (c == '"' || c == '\'') {
                    quote = c; b.append(c);
                } else {
                    b.append(c);
                }
            }
            out.add(b.toString());
        }
        return out;
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
