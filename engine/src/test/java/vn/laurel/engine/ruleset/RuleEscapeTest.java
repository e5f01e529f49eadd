package vn.laurel.engine.ruleset;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import vn.laurel.engine.RepoPaths;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rule files that try to run code outside the fact model, each the way an attacker with the POLICY
 * role (or a careless edit) would write it. Every one must be refused with its file and line, and
 * none may have run: each tries to create the marker file, which must not exist afterwards.
 */
class RuleEscapeTest {
    @TempDir
    Path dir;

    /** {what it tries, the rule file's text after the header (MARK is the marker's path), a word the refusal names}. */
    static Stream<String[]> attempts() {
        String rule = "rule \"escape\"\n" + RuleSetLoaderTest.META + "when\n    $e : Evaluation( person )\nthen\n";
        return Stream.of(
                new String[] {"a class nobody put on a deny-list", rule + "    new java.util.Formatter(\"MARK\").close();\nend\n", "java.util.Formatter"},
                new String[] {"files", rule + "    java.nio.file.Files.writeString(java.nio.file.Path.of(\"MARK\"), \"x\");\nend\n", "java.nio.file"},
                new String[] {"a process", rule + "    Runtime.getRuntime().exec(new String[] {\"touch\", \"MARK\"});\nend\n", "getRuntime"},
                new String[] {"a token split over lines", rule + "    Object c = Class\n        .forName(\"java.lang.Runtime\");\nend\n", "forName"},
                new String[] {"reflection to Runtime.exec", rule + "    Object r = \"\".getClass().getClassLoader().loadClass(\"java.lang.Runtime\")\n"
                        + "        .getMethod(\"getRuntime\").invoke(null);\nend\n", "getClass"},
                new String[] {"a \\u0022 escape that ends a string for Java", rule + "    String s = \"\\u0022; new java.io.FileOutputStream(\\u0022MARK\\u0022).close(); String t = \\u0022\";\nend\n",
                        "java.io.FileOutputStream"},
                new String[] {"a function after an allowed import on one line", "import vn.laurel.engine.model.Education; function void f() { new java.io.File(\"MARK\").mkdir(); }\n"
                        + rule + "    $e.getYear();\nend\n", "function"},
                new String[] {"a logging file handler", rule + "    new java.util.logging.FileHandler(\"MARK\").close();\nend\n", "FileHandler"},
                new String[] {"MVEL from a consequence", rule + "    org.mvel2.MVEL.eval(\"new java.io.File('MARK').mkdir()\");\nend\n", "mvel2"},
                new String[] {"eval in a condition", "rule \"escape\"\n" + RuleSetLoaderTest.META + "when\n    $e : Evaluation( person )\n"
                        + "    eval( new java.io.File(\"MARK\").mkdir() )\nthen\nend\n", "eval"},
                new String[] {"a call in a constraint", "rule \"escape\"\n" + RuleSetLoaderTest.META + "when\n"
                        + "    $e : Evaluation( person, new java.io.File(\"MARK\").mkdir() )\nthen\nend\n", "java.io.File"},
                new String[] {"from over a call", "rule \"escape\"\n" + RuleSetLoaderTest.META + "when\n    $e : Evaluation( person )\n"
                        + "    $s : String() from new java.io.File(\"MARK\").mkdir() + \"\"\nthen\nend\n", "from"},
                new String[] {"accumulate", "rule \"escape\"\n" + RuleSetLoaderTest.META + "when\n"
                        + "    $n : Number() from accumulate( Evaluation( $y : year ), sum( $y ) )\nthen\nend\n", "accumulate"},
                new String[] {"generated classes in the service's own package", "package vn.laurel.engine.model;\n" + rule + "end\n", "package"},
                new String[] {"a global", "global java.util.List sink;\n" + rule + "end\n", "global"},
                new String[] {"a global after an allowed import on one line", "import vn.laurel.engine.model.Education; global java.util.List sink;\n"
                        + rule + "end\n", "global"},
                new String[] {"a declared type", "declare Sneaky\n    name : String\nend\n" + rule + "end\n", "declare"},
                new String[] {"a query", "query \"everything\"\n    $e : Evaluation()\nend\n" + rule + "end\n", "query"},
                new String[] {"the MVEL dialect", "rule \"escape\"\n" + RuleSetLoaderTest.META + "    dialect \"mvel\"\n"
                        + "when\n    $e : Evaluation( person )\nthen\n    new java.io.File(\"MARK\").mkdir();\nend\n", "dialect"},
                new String[] {"a timer", "rule \"escape\"\n" + RuleSetLoaderTest.META + "    timer (int: 1s 1s)\n"
                        + "when\n    $e : Evaluation( person )\nthen\nend\n", "timer"},
                new String[] {"a computed salience", "rule \"escape\"\n" + RuleSetLoaderTest.META + "    salience ( new java.io.File(\"MARK\").mkdir() ? 1 : 0 )\n"
                        + "when\n    $e : Evaluation( person )\nthen\nend\n", "salience"},
                new String[] {"an enabled expression", "rule \"escape\"\n" + RuleSetLoaderTest.META + "    enabled ( new java.io.File(\"MARK\").mkdir() )\n"
                        + "when\n    $e : Evaluation( person )\nthen\nend\n", "enabled"},
                new String[] {"a method reference", rule + "    java.util.function.Supplier<Runtime> s = Runtime::getRuntime;\n    s.get();\nend\n", "getRuntime"},
                new String[] {"a lambda", rule + "    Runnable r = () -> new java.io.File(\"MARK\").mkdir();\n    r.run();\nend\n", "Runnable"},
                new String[] {"an anonymous class's initializer", rule + "    new Object() { { new java.io.File(\"MARK\").mkdir(); } };\nend\n", "java.io.File"},
                new String[] {"getClass inherited by an anonymous class", rule + "    new java.util.ArrayList<String>() {{ Object c = getClass(); }};\nend\n", "anonymous or local"},
                new String[] {"finalize run by the JVM", rule + "    new Object() { protected void finalize() { new java.io.File(\"MARK\").mkdir(); } };\nend\n", "anonymous or local"},
                new String[] {"chance", rule + "    double d = Math.random();\n    java.util.Collections.shuffle(new java.util.ArrayList<String>());\nend\n", "random"},
                new String[] {"the server's error stream", rule + "    new RuntimeException(\"x\").printStackTrace();\nend\n", "printStackTrace"},
                new String[] {"the engine behind the rule context", rule + "    kcontext.getKieRuntime().halt();\nend\n", "getKieRuntime"},
                new String[] {"the session behind drools", rule + "    drools.insert(\"x\");\nend\n", "insert"},
                new String[] {"the environment", rule + "    String home = System.getenv(\"HOME\");\nend\n", "getenv"},
                new String[] {"a system property through Integer", rule + "    Integer i = Integer.getInteger(\"user.home\");\nend\n", "getInteger"},
                new String[] {"a thread", rule + "    new Thread(() -> {}).start();\nend\n", "Thread"},
                new String[] {"a script engine", rule + "    new javax.script.ScriptEngineManager().getEngineByName(\"js\");\nend\n", "javax.script"},
                new String[] {"method handles", rule + "    java.lang.invoke.MethodHandles.lookup();\nend\n", "lookup"},
                new String[] {"a class of the service", rule + "    vn.laurel.engine.cli.Main.main(new String[] {\"check\"});\nend\n", "vn.laurel.engine.cli.Main"},
                new String[] {"a unicode-escaped class name", rule + "    \\u006a\\u0061va.io.File f = new \\u006a\\u0061va.io.File(\"MARK\");\n    f.mkdir();\nend\n", "java.io.File"},
                new String[] {"a rule name that closes the generated string", "rule \"escape\\u0022); new java.io.File(\\u0022MARK\\u0022).mkdir(); String z = (\\u0022\"\n"
                        + RuleSetLoaderTest.META + "when\n    $e : Evaluation( person )\nthen\nend\n", ""});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void every_escape_is_refused_with_file_and_line_and_nothing_runs(String what, String body, String named) throws IOException {
        Path rules = RepoPaths.copyOfRules(dir.resolve("rules"));
        try (Stream<Path> drl = Files.walk(rules)) {
            for (Path p : drl.filter(p -> p.toString().endsWith(".drl")).toList()) Files.delete(p);
        }
        Path mark = dir.resolve("MARK");
        String text = body.startsWith("package ") // an attempt with a package of its own puts it first, before the imports
                ? body.substring(0, body.indexOf('\n') + 1) + RuleSetLoaderTest.HEADER.replace("package laurel.test;\n", "")
                        + body.substring(body.indexOf('\n') + 1)
                : RuleSetLoaderTest.HEADER + body;
        Files.writeString(rules.resolve("awards/escape.drl"), text.replace("MARK", mark.toString()));

        // The allow-list applies on every path: to a rule set written today, and to a version stored before.
        for (LoadMode mode : LoadMode.values()) {
            RuleSetException e = catchThrowableOfType(RuleSetException.class, () -> RuleSetLoader.load(rules, mode));

            assertThat(e).as(what + " must be refused (" + mode + ")").isNotNull();
            assertThat(Files.exists(mark)).as(what + " must not have run").isFalse();
            List<RuleProblem> problems = e.getProblems();
            assertThat(problems).as(mode.toString()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("awards/escape.drl");
                assertThat(p.line()).isPositive();
                assertThat(p.message()).contains(named);
            });
        }
    }
}
