package vn.laurel.api.workbench.editor;

import vn.laurel.engine.catalogue.CriterionDefinition;
import vn.laurel.engine.evaluation.Evaluation;
import vn.laurel.engine.history.History;
import vn.laurel.engine.ruleset.RuleSet;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.*;
import java.util.stream.Collectors;

/**
 * What the editor offers to complete in a rule: the codes and names a rule set knows (awards, criteria,
 * parameters, attestations) and the helpers rules call. The helpers are read from the engine's classes
 * by reflection (History's measures, the Evaluation's parameter readers, and the methods of what the
 * measures return), so a helper added to the engine is offered without editing a list here.
 */
public final class EditorCompletions {
    /** The Evaluation's methods a rule calls ($e.param(…), $e.record(…), …); its other methods are the engine's. */
    static final Set<String> EVALUATION_METHODS = Set.of("param", "paramIf", "flag", "code", "rating", "limit", "record");

    private EditorCompletions() {}

    public record Award(String code, String name) {}

    public record Criterion(String code, String award) {}

    public record Parameter(String name, String description) {}

    public record Attestation(String code, String name) {}

    public record Helper(String name, String signature, String doc) {}

    public record All(List<Award> awards, List<Criterion> criteria, List<Parameter> parameters, List<Attestation> attestations,
                      List<Helper> helpers) {}

    private static final List<Helper> HELPERS = helpers();

    public static All of(RuleSet rules, String lang) {
        List<Award> awards = rules.awards().values().stream().map(a -> new Award(a.code(), a.name().in(lang)))
                .sorted(Comparator.comparing(Award::code)).toList();
        Map<String, String> criteria = new TreeMap<>();
        rules.compiled().values().forEach(c -> c.criteria().forEach((CriterionDefinition d) -> criteria.putIfAbsent(d.criterion(), d.award())));
        List<Parameter> parameters = rules.parameters().values().stream()
                .map(p -> new Parameter(p.name(), p.description() == null ? "" : p.description().in(lang)))
                .sorted(Comparator.comparing(Parameter::name)).toList();
        List<Attestation> attestations = rules.attestations().entrySet().stream()
                .map(e -> new Attestation(e.getKey(), e.getValue() == null ? "" : e.getValue().in(lang)))
                .sorted(Comparator.comparing(Attestation::code)).toList();
        return new All(awards, criteria.entrySet().stream().map(e -> new Criterion(e.getKey(), e.getValue())).toList(),
                parameters, attestations, HELPERS);
    }

    private static List<Helper> helpers() {
        Map<String, Helper> out = new LinkedHashMap<>();
        Set<Class<?>> results = new LinkedHashSet<>();
        for (Method m : publicMethods(History.class)) {
            out.putIfAbsent(signature(m), new Helper(m.getName(), signature(m), "$h." + signature(m) + " → " + m.getReturnType().getSimpleName()));
            if (m.getReturnType().getPackageName().startsWith("vn.laurel.engine")) results.add(m.getReturnType());
        }
        for (Method m : publicMethods(Evaluation.class)) {
            if (EVALUATION_METHODS.contains(m.getName()) && !signature(m).contains("RuleContext")) {
                out.putIfAbsent(signature(m), new Helper(m.getName(), signature(m), "$e." + signature(m) + " → " + m.getReturnType().getSimpleName()));
            }
        }
        for (Class<?> type : results) {
            if (type.isEnum() || type.isRecord()) continue;
            for (Method m : publicMethods(type)) {
                String key = type.getSimpleName() + "." + signature(m);
                out.putIfAbsent(key, new Helper(m.getName(), signature(m), type.getSimpleName() + "." + signature(m) + " → " + m.getReturnType().getSimpleName()));
            }
        }
        return List.copyOf(out.values());
    }

    /** Public instance methods declared by the class itself (not Object's, no bridges), sorted by name. */
    private static List<Method> publicMethods(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() == type && !Modifier.isStatic(m.getModifiers()) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> !Set.of("equals", "hashCode", "toString").contains(m.getName()))
                .sorted(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount())).toList();
    }

    static String signature(Method m) {
        return m.getName() + "(" + Arrays.stream(m.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", ")) + ")";
    }
}
