package vn.laurel.engine.ruleset;

import java.util.List;
import java.util.Set;

/**
 * What compiled rule code may reach: the fact model and the engine's helpers, a short list of value
 * types, and the parts of Drools' executable model that the rule compiler itself generates. Anything
 * not listed is refused, so a class nobody thought of (java.util.Formatter, a logging handler, a
 * script engine) is refused as well as those one would think of.
 *
 * <p>Three grades: a <b>whole class</b> (any member but {@link #NEVER}), <b>one member</b> of a class
 * ("owner#member"), or a <b>type only</b> (the class may be named — a cast, a parameter type, a class
 * constant — but none of its members used).
 */
final class AllowList {
    private AllowList() {}

    /** Packages of the fact model and helpers: every class in them, directly (not sub-packages). */
    private static final List<String> PACKAGES = List.of(
            "vn.laurel.engine.model.",
            "vn.laurel.engine.history.",
            "vn.laurel.engine.criteria.");

    private static final Set<String> CLASSES = Set.of(
            // the evaluation a rule records its criterion on
            "vn.laurel.engine.evaluation.Evaluation",
            "vn.laurel.engine.evaluation.AwardDecision",
            // values
            "java.lang.String", "java.lang.CharSequence", "java.lang.Integer", "java.lang.Long", "java.lang.Double",
            "java.lang.Float", "java.lang.Short", "java.lang.Byte", "java.lang.Boolean", "java.lang.Character",
            "java.lang.Number", "java.lang.Math", "java.lang.Enum", "java.lang.Comparable", "java.lang.Iterable",
            "java.lang.StringBuilder",
            "java.math.BigDecimal", "java.math.BigInteger", "java.math.RoundingMode",
            "java.time.LocalDate", "java.time.Year", "java.time.YearMonth", "java.time.Period", "java.time.Month",
            "java.time.DayOfWeek", "java.time.temporal.ChronoUnit",
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.Map$Entry", "java.util.Collection",
            "java.util.ArrayList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
            "java.util.LinkedHashSet", "java.util.TreeMap", "java.util.TreeSet", "java.util.Arrays",
            "java.util.Collections", "java.util.Objects", "java.util.Optional", "java.util.Iterator",
            "java.util.Comparator",
            "java.util.function.Function", "java.util.function.Predicate", "java.util.function.Supplier",
            "java.util.function.BiFunction", "java.util.function.ToIntFunction",
            "java.util.stream.Stream", "java.util.stream.IntStream", "java.util.stream.Collectors",
            // exceptions generated code may throw
            "java.lang.RuntimeException", "java.lang.IllegalArgumentException", "java.lang.IllegalStateException",
            "java.lang.NullPointerException", "java.lang.UnsupportedOperationException",
            // what Drools' executable model generates around the rules (the DSL that builds the rule model)
            "org.drools.modelcompiler.dsl.pattern.D",
            "org.drools.modelcompiler.util.EvaluationUtil",
            "org.drools.model.AlphaIndex", "org.drools.model.BetaIndex", "org.drools.model.Index",
            "org.drools.model.Index$ConstraintType", "org.drools.model.Declaration", "org.drools.model.Variable",
            "org.drools.model.Rule", "org.drools.model.RuleItemBuilder", "org.drools.model.RuleItem",
            "org.drools.model.Model", "org.drools.model.DomainClassMetadata", "org.drools.model.PatternDSL",
            "org.drools.model.PatternDSL$PatternDef", "org.drools.model.PatternDSL$ReactOn",
            "org.drools.model.PatternDSL$PatternDefImpl", "org.drools.model.PatternDSL$ExprViewItem",
            "org.drools.model.view.ViewItem", "org.drools.model.view.ExprViewItem",
            "org.drools.model.impl.RuleBuilder", "org.drools.model.impl.ModelImpl",
            "org.drools.model.functions.HashedExpression", "org.drools.model.functions.PredicateInformation",
            "org.drools.model.functions.IntrospectableLambda",
            "org.drools.modelcompiler.CanonicalKieModuleModel");

    /** Classes of the generated DSL, by prefix, whose arities vary (Block1..Block25, Function1.., _1.._25). */
    private static final List<String> CLASS_PREFIXES = List.of(
            "org.drools.model.functions.Block", "org.drools.model.functions.Function",
            "org.drools.model.functions.Predicate", "org.drools.model.consequences.ConsequenceBuilder");

    /** Single members: what generated scaffolding needs from classes that are otherwise out of reach. */
    private static final Set<String> MEMBERS = Set.of(
            "java.lang.Object#<init>", "java.lang.Object#equals", "java.lang.Object#hashCode", "java.lang.Object#toString",
            "java.lang.System#arraycopy",
            "java.util.Locale#ENGLISH",
            "java.time.format.DateTimeFormatterBuilder#<init>", "java.time.format.DateTimeFormatterBuilder#appendPattern",
            "java.time.format.DateTimeFormatterBuilder#parseCaseInsensitive", "java.time.format.DateTimeFormatterBuilder#toFormatter",
            "org.drools.util.DateUtils#getDateFormatMask",
            "java.lang.invoke.StringConcatFactory#makeConcatWithConstants",
            "java.lang.invoke.LambdaMetafactory#metafactory", "java.lang.invoke.LambdaMetafactory#altMetafactory",
            // the project model class of every build (kmodule settings, not rule code)
            "org.kie.api.KieServices#get", "org.kie.api.KieServices#newKieModuleModel",
            "org.kie.api.builder.model.KieModuleModel#newKieBaseModel",
            "org.kie.api.builder.model.KieBaseModel#addPackage", "org.kie.api.builder.model.KieBaseModel#newKieSessionModel",
            "org.kie.api.builder.model.KieBaseModel#setDefault", "org.kie.api.builder.model.KieBaseModel#setEventProcessingMode",
            "org.kie.api.builder.model.KieBaseModel#setMutability",
            "org.kie.api.builder.model.KieSessionModel#setClockType", "org.kie.api.builder.model.KieSessionModel#setDefault",
            "org.kie.api.builder.model.KieSessionModel#setType",
            "org.kie.api.builder.model.KieSessionModel$KieSessionType#STATEFUL",
            "org.kie.api.builder.model.KieSessionModel$KieSessionType#STATELESS",
            "org.kie.api.conf.EventProcessingOption#CLOUD", "org.kie.api.conf.KieBaseMutabilityOption#ALLOWED",
            "org.kie.api.runtime.conf.ClockTypeOption#get",
            "org.kie.util.maven.support.ReleaseIdImpl#<init>");

    /**
     * Named but not used: a rule's action receives the rule context ({@code kcontext}) to hand it to
     * {@code Evaluation.record}; it may not call it (getKieRuntime, insert, halt would reach the session).
     */
    private static final Set<String> TYPES_ONLY = Set.of(
            "java.lang.Object", "java.lang.Class", "java.lang.Exception", "java.lang.Throwable", "java.lang.Void",
            "java.lang.invoke.CallSite", "java.lang.invoke.MethodType", "java.lang.invoke.MethodHandles$Lookup",
            "java.lang.invoke.MethodHandle", "java.util.Locale", "java.time.format.DateTimeFormatter",
            "org.kie.api.runtime.rule.RuleContext", "org.drools.model.Drools",
            "org.kie.api.KieServices", "org.kie.api.builder.ReleaseId", "org.kie.api.builder.model.KieModuleModel",
            "org.kie.api.builder.model.KieBaseModel", "org.kie.api.builder.model.KieSessionModel",
            "org.kie.api.builder.model.KieSessionModel$KieSessionType", "org.kie.api.conf.EventProcessingOption",
            "org.kie.api.conf.KieBaseMutabilityOption", "org.kie.api.runtime.conf.ClockTypeOption",
            "org.kie.util.maven.support.ReleaseIdImpl", "org.drools.util.DateUtils", "java.lang.System",
            "java.time.format.DateTimeFormatterBuilder", "java.lang.invoke.StringConcatFactory",
            "java.lang.invoke.LambdaMetafactory");

    /**
     * Members refused on every class, allowed or not: reflection and class loading start here
     * (getClass, forName), {@code Integer.getInteger} and its kin read system properties, {@code now}
     * reads the clock and {@code random}/{@code shuffle} chance (an answer must depend on the case only),
     * wait/notify block threads, {@code printStackTrace} writes to the server's error stream.
     */
    static final Set<String> NEVER = Set.of("getClass", "forName", "getClassLoader", "getInteger", "getLong",
            "getBoolean", "now", "random", "shuffle", "wait", "notify", "notifyAll", "finalize", "getRuntime", "exit",
            "halt", "load", "loadLibrary", "getenv", "getProperty", "getProperties", "setProperty", "printStackTrace",
            "setStackTrace");

    /** Why a reference is refused, or null when it is allowed. */
    static String refusal(String owner, String member) {
        if (member != null && NEVER.contains(member)) return "\"" + member + "\" is never allowed in a rule";
        boolean wholeClass = wholeClass(owner);
        if (member == null) {
            return wholeClass || TYPES_ONLY.contains(owner) || MEMBERS.stream().anyMatch(m -> m.startsWith(owner + "#"))
                    ? null : "class " + owner + " is not on the allow-list";
        }
        if (wholeClass || MEMBERS.contains(owner + "#" + member)) return null;
        return TYPES_ONLY.contains(owner) || MEMBERS.stream().anyMatch(m -> m.startsWith(owner + "#"))
                ? "\"" + member + "\" of " + owner + " is not on the allow-list"
                : "class " + owner + " is not on the allow-list";
    }

    private static boolean wholeClass(String owner) {
        if (CLASSES.contains(owner)) return true;
        for (String p : PACKAGES) {
            if (owner.startsWith(p) && owner.indexOf('.', p.length()) < 0) return true;
        }
        for (String p : CLASS_PREFIXES) {
            if (owner.startsWith(p) && owner.substring(p.length()).matches("(\\$_)?\\d+")) return true;
        }
        return false;
    }
}
