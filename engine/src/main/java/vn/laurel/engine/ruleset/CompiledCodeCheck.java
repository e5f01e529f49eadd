package vn.laurel.engine.ruleset;

import vn.laurel.engine.ruleset.CodeReferences.ClassFile;
import vn.laurel.engine.ruleset.CodeReferences.Reference;

import java.util.*;

/**
 * The second half of the rule-file allow-list, on the compiled form: every class the rule compiler
 * generated (rules, conditions, actions, and the scaffolding around them) is read before any of it
 * is loaded, and every class, method and field it reaches outside itself must be on the
 * {@link AllowList}. A refusal is reported at the rule it comes from, on the line that names the
 * member when the text shows it (an escaped or split name is still refused, at the rule's first line).
 */
final class CompiledCodeCheck {
    private CompiledCodeCheck() {}

    static List<RuleProblem> check(Map<String, byte[]> classFiles, List<DrlShape.RuleAt> rules, Map<String, byte[]> sources) {
        List<ClassFile> classes = classFiles.values().stream().map(CodeReferences::of).toList();
        Set<String> generated = new HashSet<>();
        classes.forEach(c -> generated.add(c.name()));
        Map<String, DrlShape.RuleAt> ruleByName = new LinkedHashMap<>();
        rules.forEach(r -> ruleByName.putIfAbsent(r.name(), r));
        Map<String, Set<String>> rulesOf = rulesOfClassesAndMethods(classes, generated, ruleByName.keySet());

        Map<String, List<String>> linesOf = new HashMap<>();
        sources.forEach((file, bytes) -> linesOf.put(file, RuleLint.code(List.of(new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1)))));
        Set<RuleProblem> problems = new LinkedHashSet<>();
        for (ClassFile c : classes) {
            if (definedInAnAction(c.name())) {
                // A class of its own in an action (anonymous or local) could override finalize, toString or
                // equals and so run rule code wherever the service or the JVM calls them.
                problems.addAll(atRules(c.name(), null, rulesOf, ruleByName, linesOf, sources, new Reference(c.name(), null,
                        "java/lang/Object", "new", null), "forbidden in a rule: a class of its own (anonymous or local) in an action;"
                        + " rule code may use only the fact model, the engine's helpers and plain values"));
            }
            for (Reference r : c.references()) {
                // Inherited members keep their generated owner's name: getClass() in an anonymous class is still getClass().
                boolean never = r.member() != null && AllowList.NEVER.contains(r.member());
                if (generated.contains(r.owner()) && !never) continue;
                String refusal = AllowList.refusal(r.ownerName(), r.member());
                if (refusal == null) continue;
                String message = "forbidden in a rule: " + shown(r) + " (" + refusal
                        + "; rule code may use only the fact model, the engine's helpers and plain values)";
                problems.addAll(atRules(c.name(), r.fromMethod(), rulesOf, ruleByName, linesOf, sources, r, message));
            }
        }
        return new ArrayList<>(problems);
    }

    /** javac names anonymous classes Outer$1 and local ones Outer$1Name; the rule compiler's own nested classes have names. */
    private static boolean definedInAnAction(String internalName) {
        int dollar = internalName.lastIndexOf('$');
        return dollar >= 0 && dollar + 1 < internalName.length() && Character.isDigit(internalName.charAt(dollar + 1));
    }

    /** The problem at each rule the class (and method) belongs to; at the first file when none is known. */
    private static List<RuleProblem> atRules(String className, String method, Map<String, Set<String>> rulesOf,
                                             Map<String, DrlShape.RuleAt> ruleByName, Map<String, List<String>> linesOf,
                                             Map<String, byte[]> sources, Reference r, String message) {
        Set<String> names = new TreeSet<>(rulesOf.getOrDefault(className + "#" + method, Set.of()));
        names.addAll(rulesOf.getOrDefault(className, Set.of()));
        // an anonymous class belongs to the rule of the class it is written in
        if (names.isEmpty() && className.indexOf('$') > 0) names.addAll(rulesOf.getOrDefault(className.substring(0, className.lastIndexOf('$')), Set.of()));
        List<RuleProblem> out = new ArrayList<>();
        if (names.isEmpty()) {
            String file = sources.keySet().stream().findFirst().orElse("?");
            out.add(RuleProblem.error(file, 0, 0, message + " in code generated for the rules"));
        }
        for (String name : names) {
            DrlShape.RuleAt at = ruleByName.get(name);
            out.add(locate(at, linesOf.getOrDefault(at.file(), List.of()), r, message));
        }
        return out;
    }

    /**
     * Which rules each generated class and method belongs to: a rule's method loads its name as a
     * string; the classes it reaches (its conditions and action) belong to it, and so on down.
     */
    private static Map<String, Set<String>> rulesOfClassesAndMethods(List<ClassFile> classes, Set<String> generated,
                                                                      Set<String> ruleNames) {
        Map<String, Set<String>> rulesOf = new HashMap<>();
        for (ClassFile c : classes) {
            for (CodeReferences.Text t : c.texts()) {
                if (ruleNames.contains(t.value())) {
                    rulesOf.computeIfAbsent(c.name() + "#" + t.fromMethod(), k -> new HashSet<>()).add(t.value());
                }
            }
        }
        // javac names a lambda's body lambda$<method>$<n>: it belongs to the method it was written in
        for (ClassFile c : classes) {
            for (Reference r : c.references()) {
                String m = r.fromMethod();
                if (m != null && m.startsWith("lambda$") && m.lastIndexOf('$') > 7) {
                    Set<String> outer = rulesOf.get(c.name() + "#" + m.substring(7, m.lastIndexOf('$')));
                    if (outer != null) rulesOf.computeIfAbsent(c.name() + "#" + m, k -> new HashSet<>()).addAll(outer);
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ClassFile c : classes) {
                for (Reference r : c.references()) {
                    if (!generated.contains(r.owner()) || r.owner().equals(c.name())) continue;
                    Set<String> from = new HashSet<>(rulesOf.getOrDefault(c.name() + "#" + r.fromMethod(), Set.of()));
                    from.addAll(rulesOf.getOrDefault(c.name(), Set.of()));
                    if (from.isEmpty()) continue;
                    grew |= rulesOf.computeIfAbsent(r.owner(), k -> new HashSet<>()).addAll(from);
                }
            }
        }
        return rulesOf;
    }

    private static String shown(Reference r) {
        if (r.member() == null) return r.ownerName();
        if (r.member().equals("<init>")) return "new " + r.ownerName() + "(…)";
        return r.ownerName() + "." + r.member();
    }

    /** The line of the rule that names the member (or the class), else the rule's first line. */
    private static RuleProblem locate(DrlShape.RuleAt at, List<String> lines, Reference r, String message) {
        String owner = r.ownerName();
        String simple = owner.substring(Math.max(owner.lastIndexOf('.'), owner.lastIndexOf('$')) + 1);
        String word = r.member() == null || r.member().equals("<init>") ? simple : r.member();
        int last = Math.min(at.endLine(), lines.size());
        for (int i = Math.max(at.line(), 1); i <= last; i++) {
            int col = lines.get(i - 1).indexOf(word);
            if (col >= 0) return RuleProblem.error(at.file(), i, col + 1, message);
        }
        return RuleProblem.error(at.file(), at.line(), 1, message + " in rule \"" + at.name() + "\"");
    }
}
