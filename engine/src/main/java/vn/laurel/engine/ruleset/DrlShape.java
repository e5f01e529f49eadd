package vn.laurel.engine.ruleset;

import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first half of the rule-file allow-list: the forms a rule file may take, read from the parsed
 * DRL (Drools' own parser, so line breaks, comments and string tricks cannot hide a form). A rule
 * file is a package, imports of the fact model, and rules whose conditions are patterns over facts
 * (combined with and, or, not, exists, forall) and whose action is Java code. Everything else is
 * refused before anything is compiled:
 * <ul>
 *   <li>{@code function}, {@code import function}, {@code import accumulate}: arbitrary code beside the rules;</li>
 *   <li>{@code global}: state shared by every evaluation;</li>
 *   <li>{@code declare} (types, enums, entry points, windows), {@code query}, {@code unit}: the rules
 *       define no types and answer no queries;</li>
 *   <li>{@code eval}, {@code from}, {@code accumulate}, {@code collect}, {@code entry-point}, windows:
 *       conditions read facts, they do not compute or fetch them;</li>
 *   <li>attributes other than {@code salience} (a whole number) and {@code no-loop}, at rule or
 *       package level: {@code dialect "mvel"}, timers, calendars, {@code enabled} expressions.</li>
 * </ul>
 * What the remaining code may call is the second half, checked on the compiled classes ({@link CompiledCodeCheck}).
 */
final class DrlShape {
    /** Where each rule is, for problems found later in the compiled code. */
    record RuleAt(String file, String name, int line, int endLine) {}

    record Result(List<RuleProblem> problems, List<RuleAt> rules) {}

    private DrlShape() {}

    static Result check(Map<String, byte[]> sources) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleAt> rules = new ArrayList<>();
        sources.forEach((file, bytes) -> {
            String text = new String(bytes, StandardCharsets.UTF_8);
            PackageDescr pkg;
            DrlParser parser = new DrlParser();
            try {
                pkg = parser.parse(false, text);
            } catch (DroolsParserException | RuntimeException e) {
                pkg = null;
            } catch (StackOverflowError e) {
                // The parser descends once per bracket: a few kilobytes of them exhaust its stack.
                problems.add(RuleProblem.error(file, 0, 0, "the file is nested too deeply to be read (brackets within brackets "
                        + "thousands deep); write the condition more simply"));
                return;
            }
            // A file that does not parse is reported by the compiler, with its line; it never gets as far as running.
            if (pkg == null || parser.hasErrors()) return;
            new FileCheck(file, text.split("\n", -1), problems).check(pkg, rules);
        });
        return new Result(problems, rules);
    }

    private record FileCheck(String file, String[] lines, List<RuleProblem> problems) {
        void check(PackageDescr pkg, List<RuleAt> rules) {
            // The compiler puts its classes in the file's package: keep them out of the service's own packages.
            if (pkg.getName() == null || !pkg.getName().matches("laurel(\\.[a-z][a-z0-9_]*)+")) {
                refuse(pkg, "package", "the package of a rule file must be laurel.<something> (for example laurel.awards), not \""
                        + pkg.getName() + "\"");
            }
            for (ImportDescr imp : pkg.getImports()) {
                String target = imp.getTarget();
                if (!target.startsWith(RuleLint.ALLOWED_IMPORT_PREFIX)) {
                    refuse(imp, target, "forbidden import " + target + ": rule files may import only "
                            + RuleLint.ALLOWED_IMPORT_PREFIX + "* (the fact model and its helpers)");
                }
            }
            pkg.getFunctionImports().forEach(d -> refuse(d, "function", "\"import function\" is not allowed: "
                    + "rules call the helpers of the fact model, not functions"));
            pkg.getAccumulateImports().forEach(d -> refuse(d, "accumulate", "\"import accumulate\" is not allowed: "
                    + "rules count with the helpers of History"));
            pkg.getGlobals().forEach(d -> refuse(d, "global", "\"global\" is not allowed: a global is shared by every "
                    + "evaluation; pass values through the Evaluation or a parameter"));
            pkg.getFunctions().forEach(d -> refuse(d, "function", "\"function\" is not allowed: a DRL function is "
                    + "arbitrary Java; ask for a helper in History instead"));
            pkg.getTypeDeclarations().forEach(d -> refuse(d, "declare", "\"declare\" is not allowed: rule files use the fact model and define no types"));
            pkg.getEnumDeclarations().forEach(d -> refuse(d, "declare", "\"declare\" is not allowed: rule files use the fact model and define no types"));
            pkg.getEntryPointDeclarations().forEach(d -> refuse(d, "declare", "\"declare\" is not allowed: rule files read facts from the evaluation only"));
            pkg.getWindowDeclarations().forEach(d -> refuse(d, "declare", "\"declare\" is not allowed: rule files read facts from the evaluation only"));
            if (pkg.getUnit() != null) refuse(pkg.getUnit(), "unit", "\"unit\" is not allowed: rules run in the evaluation's session");
            pkg.getAttributes().forEach(a -> refuse(a, a.getName(), "package attribute \"" + a.getName()
                    + "\" is not allowed: rules are written in Java, with the evaluation's defaults"));
            for (RuleDescr rule : pkg.getRules()) {
                rules.add(new RuleAt(file, rule.getName(), rule.getLine(), Math.max(rule.getEndLine(), rule.getLine())));
                if (rule.isQuery()) {
                    refuse(rule, "query", "\"query\" is not allowed: rule files decide criteria and answer no queries");
                    continue;
                }
                rule.getAttributes().values().forEach(this::attribute);
                if (!rule.getNamedConsequences().isEmpty()) {
                    refuse(rule, "then[", "named consequences are not allowed: a rule has one action");
                }
                if (rule.getLhs() != null) condition(rule.getLhs());
            }
        }

        private void attribute(AttributeDescr a) {
            String name = a.getName();
            if ("no-loop".equals(name)) return;
            if ("salience".equals(name) && a.getValue() != null && a.getValue().trim().matches("-?\\d{1,9}")) return;
            refuse(a, name, "rule attribute \"" + name + "\" is not allowed"
                    + ("dialect".equals(name) ? ": rules are written in Java; the MVEL dialect runs code the check cannot see"
                    : "salience".equals(name) ? " with a computed value: write a whole number"
                    : ": only salience (a whole number) and no-loop are"));
        }

        private void condition(BaseDescr d) {
            if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr
                    || d instanceof ForallDescr) {
                for (BaseDescr child : ((org.drools.drl.ast.descr.ConditionalElementDescr) d).getDescrs()) condition(child);
            } else if (d instanceof PatternDescr p) {
                if (p.getSource() != null) {
                    String kind = p.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase();
                    refuse(p.getSource().getLine() > 0 ? p.getSource() : p, kind, "\"" + kindWord(kind)
                            + "\" is not allowed in a condition: a pattern matches facts of the evaluation, it does not compute or fetch them");
                } else if (!p.getBehaviors().isEmpty()) {
                    refuse(p, "over", "windows are not allowed in a condition");
                } else if (p.getObjectType() != null && p.getObjectType().startsWith("/")) {
                    refuse(p, "/", "OOPath conditions are not allowed: match the fact model's patterns");
                } else if (p.isQuery()) {
                    refuse(p, "?", "calling a query is not allowed");
                } else if (p.getConstraint() != null) {
                    for (BaseDescr c : p.getConstraint().getDescrs()) {
                        if (!(c instanceof ExprConstraintDescr) && !(c instanceof org.drools.drl.ast.descr.BindingDescr)) {
                            refuse(c, "", "this form of constraint is not allowed");
                        }
                    }
                }
            } else if (d instanceof org.drools.drl.ast.descr.EvalDescr) {
                refuse(d, "eval", "\"eval\" is not allowed: write the condition as a constraint of a pattern");
            } else {
                refuse(d, "", "this form of condition is not allowed (" + d.getClass().getSimpleName().replace("Descr", "")
                        + "): use patterns combined with and, or, not, exists, forall");
            }
        }

        private static String kindWord(String kind) {
            return switch (kind) {
                case "from" -> "from";
                case "accumulate" -> "accumulate";
                case "collect" -> "collect";
                case "entrypoint" -> "from entry-point";
                case "windowreference" -> "from window";
                default -> kind;
            };
        }

        /** A problem at the descr's line, with the column of {@code word} on that line when it is there. */
        private void refuse(BaseDescr at, String word, String message) {
            int line = Math.max(at.getLine(), 0);
            int column = Math.max(at.getColumn(), 0) + 1;
            if (line > 0 && line <= lines.length && !word.isEmpty()) {
                int i = lines[line - 1].indexOf(word);
                if (i >= 0) column = i + 1;
            }
            problems.add(RuleProblem.error(file, line, column, message));
        }
    }
}
