package vn.laurel.engine.ruleset;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.*;
import com.github.javaparser.ast.stmt.*;
import org.drools.drl.ast.descr.RuleDescr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The form of a criterion rule's action, as policy staff write it: exactly one statement,
 * {@code $e.record(<one check expression>);}. No {@code kcontext} (the engine knows which rule fires),
 * no local variable, no {@code if}, loop or {@code switch}, no {@code ? :}, no assignment, no
 * {@code new}, no lambda, no text joined with {@code +} (arithmetic on numbers, {@code $year - 1}, is
 * fine). Anything that needs a branch belongs in a helper of the fact model.
 *
 * <p>Read from the parsed DRL: Drools' parser finds each rule's action and the Java parser reads it,
 * so every problem names the file, line and column of what is refused. This is a rule of form for
 * rule sets written today ({@link LoadMode#STRICT}); what code may reach is the allow-list's business
 * ({@link DrlShape}, {@link CompiledCodeCheck}), on every path.
 */
final class ActionShape {
    static final String WHY = "an action is one $e.record(…) and nothing else: move the branch into a helper, see rules/README.md";

    private static final Set<String> TEXT_METHODS = Set.of("code", "toString", "name", "getId", "valueOf", "format", "concat");

    private ActionShape() {}

    /** Problems of every rule of a file; none for a file that does not parse (the compiler reports it). */
    static List<RuleProblem> check(String file, String text) {
        List<RuleDescr> rules = ParsedDrl.rules(text);
        if (rules == null) return List.of();
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleDescr rule : rules) {
            if (!rule.isQuery()) new Action(file, text, rule, problems).check();
        }
        return problems;
    }

    private static final class Action {
        private final String file;
        private final String text;
        private final RuleDescr rule;
        private final List<RuleProblem> problems;
        private final String consequence;
        private final int start; // offset of the consequence in the file's text

        Action(String file, String text, RuleDescr rule, List<RuleProblem> problems) {
            this.file = file;
            this.text = text;
            this.rule = rule;
            this.problems = problems;
            this.consequence = rule.getConsequence() == null ? "" : rule.getConsequence().toString();
            // The action is the last thing in the rule, before "end": found from there, never in the conditions.
            int end = Math.min(rule.getEndCharacter() < 0 ? text.length() : rule.getEndCharacter(), text.length());
            int at = consequence.isBlank() ? -1 : text.lastIndexOf(consequence, end);
            this.start = at >= Math.max(rule.getStartCharacter(), 0) ? at : -1;
        }

        void check() {
            if (consequence.isBlank()) {
                refuseAtRule("rule \"" + rule.getName() + "\" has no action; " + WHY);
                return;
            }
            ParserConfiguration configuration = new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
            ParseResult<BlockStmt> parsed;
            try {
                parsed = new JavaParser(configuration).parseBlock("{" + consequence + "\n}");
            } catch (RuntimeException | StackOverflowError e) {
                parsed = null;
            }
            if (parsed == null || !parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                refuse(null, "the action of rule \"" + rule.getName() + "\" is not one Java statement that can be read; " + WHY);
                return;
            }
            List<Statement> statements = parsed.getResult().get().getStatements();
            int before = problems.size();
            boolean recorded = false;
            for (Statement s : statements) {
                if (isRecord(s)) {
                    if (recorded) refuse(s, "a second $e.record(…) in one action; " + WHY);
                    recorded = true;
                    expression(((MethodCallExpr) s.asExpressionStmt().getExpression()));
                } else {
                    statement(s);
                }
            }
            if (!recorded && problems.size() == before) {
                refuseAtRule("the action of rule \"" + rule.getName() + "\" does not record a check; " + WHY);
            }
        }

        private static boolean isRecord(Statement s) {
            if (!s.isExpressionStmt() || !s.asExpressionStmt().getExpression().isMethodCallExpr()) return false;
            MethodCallExpr call = s.asExpressionStmt().getExpression().asMethodCallExpr();
            return call.getNameAsString().equals("record") && call.getScope().filter(Expression::isNameExpr).isPresent();
        }

        private void statement(Statement s) {
            String what;
            if (s.isExpressionStmt() && s.asExpressionStmt().getExpression().isVariableDeclarationExpr()) {
                VariableDeclarationExpr v = s.asExpressionStmt().getExpression().asVariableDeclarationExpr();
                what = "a local variable (" + v.getVariables().get(0).getNameAsString() + ") in an action: write its value where it is used";
            } else if (s.isIfStmt()) {
                what = "\"if\" in an action";
            } else if (s.isForStmt() || s.isForEachStmt() || s.isWhileStmt() || s.isDoStmt()) {
                what = "a loop in an action";
            } else if (s.isSwitchStmt()) {
                what = "\"switch\" in an action";
            } else if (s.isExpressionStmt()) {
                Expression e = s.asExpressionStmt().getExpression();
                what = e.isAssignExpr() ? "an assignment in an action"
                        : "\"" + shortText(e) + "\" in an action: it is not $e.record(…)";
            } else if (s.isEmptyStmt()) {
                return; // a stray semicolon is nothing
            } else {
                what = "a statement of its own (" + s.getClass().getSimpleName().replace("Stmt", "").toLowerCase() + ") in an action";
            }
            refuse(s, what + "; " + WHY);
        }

        /** The check recorded: one argument, an expression without branches, assignments, new objects or joined text. */
        private void expression(MethodCallExpr record) {
            if (record.getArguments().size() != 1) {
                boolean context = record.getArguments().stream().anyMatch(a -> a.isNameExpr() && isContext(a.asNameExpr()));
                if (!context) refuse(record, "$e.record takes one check, not " + record.getArguments().size() + "; " + WHY);
            }
            record.walk(Node.TreeTraversal.PREORDER, node -> {
                if (node == record) return;
                String what = refusal(node);
                if (what != null) refuse(node, what + "; " + WHY);
            });
        }

        private String refusal(Node node) {
            if (node instanceof NameExpr n && isContext(n)) {
                return "\"" + n.getNameAsString() + "\" is not needed: the engine knows which rule records (write $e.record(check))";
            }
            if (node instanceof ConditionalExpr) return "a choice \"? :\" in an action";
            if (node instanceof AssignExpr) return "an assignment in an action";
            if (node instanceof UnaryExpr u && (u.getOperator() == UnaryExpr.Operator.PREFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.PREFIX_DECREMENT || u.getOperator() == UnaryExpr.Operator.POSTFIX_INCREMENT
                    || u.getOperator() == UnaryExpr.Operator.POSTFIX_DECREMENT)) return "an assignment (++ or --) in an action";
            if (node instanceof ObjectCreationExpr || node instanceof ArrayCreationExpr) return "\"new\" in an action";
            if (node instanceof LambdaExpr || node instanceof MethodReferenceExpr) return "a lambda or method reference in an action";
            if (node instanceof SwitchExpr) return "\"switch\" in an action";
            if (node instanceof BinaryExpr b && b.getOperator() == BinaryExpr.Operator.PLUS
                    && !(b.getParentNode().orElse(null) instanceof BinaryExpr p && p.getOperator() == BinaryExpr.Operator.PLUS && isText(p))
                    && isText(b)) {
                return "text joined with + in an action: put values into a name with .as(\"… {0} …\", \"… {0} …\", value)";
            }
            return null;
        }

        private static boolean isContext(NameExpr n) {
            return n.getNameAsString().equals("kcontext") || n.getNameAsString().equals("drools");
        }

        /** An expression that is text for all the parser can tell: a literal, a text-valued call, or text joined to something. */
        private static boolean isText(Expression e) {
            while (e.isEnclosedExpr()) e = e.asEnclosedExpr().getInner();
            if (e.isStringLiteralExpr() || e.isTextBlockLiteralExpr()) return true;
            if (e.isMethodCallExpr()) return TEXT_METHODS.contains(e.asMethodCallExpr().getNameAsString());
            if (e.isBinaryExpr() && e.asBinaryExpr().getOperator() == BinaryExpr.Operator.PLUS) {
                return isText(e.asBinaryExpr().getLeft()) || isText(e.asBinaryExpr().getRight());
            }
            return false;
        }

        private static String shortText(Expression e) {
            String s = e.toString().replaceAll("\\s+", " ");
            return s.length() > 60 ? s.substring(0, 57) + "…" : s;
        }

        private void refuse(Node node, String message) {
            if (start < 0) {
                refuseAtRule(message);
                return;
            }
            int offset = start;
            if (node != null && node.getBegin().isPresent()) offset = start + offsetIn(node.getBegin().get());
            int[] at = ParsedDrl.lineAndColumn(text, offset);
            problems.add(RuleProblem.error(file, at[0], at[1], message));
        }

        private void refuseAtRule(String message) {
            problems.add(RuleProblem.error(file, rule.getLine(), Math.max(rule.getColumn(), 0) + 1, message));
        }

        /** The offset within the consequence of a position in "{" + consequence (lines and columns from 1). */
        private int offsetIn(Position p) {
            String parsed = "{" + consequence;
            int offset = 0;
            for (int line = 1; line < p.line; line++) {
                int nl = parsed.indexOf('\n', offset);
                if (nl < 0) break;
                offset = nl + 1;
            }
            return Math.max(offset + p.column - 1 - 1, 0);
        }
    }
}
