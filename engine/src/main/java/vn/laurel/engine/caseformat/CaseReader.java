package vn.laurel.engine.caseformat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import vn.laurel.engine.model.CaseDocument;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads case documents (shared/reference/case-format.md) from JSON or YAML. Unknown fields are
 * refused rather than ignored: a misspelt field silently dropped would change a decision.
 */
public final class CaseReader {
    /**
     * A case document nests five levels deep; a stack of thousands of brackets only costs the server.
     * YAML costs seconds of CPU per megabyte of one long scalar, so a YAML document is held to a
     * number of characters: the service's own limit (checked on the body before parsing, then here
     * again), or SnakeYAML's usual 3 MB for the other readers (the command line, the scenarios).
     */
    static final int MAX_DEPTH = 64;
    public static final int MAX_YAML_CODE_POINTS = 3 * 1024 * 1024;
    private static final ObjectMapper JSON = configure(new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(constraints()).build()));
    private static final Map<Integer, ObjectMapper> YAML = new ConcurrentHashMap<>();

    private CaseReader() {}

    private static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build();
    }

    private static ObjectMapper yaml(int maxCodePoints) {
        return YAML.computeIfAbsent(maxCodePoints, limit -> configure(new ObjectMapper(YAMLFactory.builder()
                .loaderOptions(yamlLoaderOptions(limit)).streamReadConstraints(constraints()).build())));
    }

    private static LoaderOptions yamlLoaderOptions(int maxCodePoints) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(maxCodePoints);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(50);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule("checked-text").addDeserializer(String.class, new CheckedText()))
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public static CaseDocument readJson(String text) { return read(JSON, text); }

    public static CaseDocument readYaml(String text) { return read(yaml(MAX_YAML_CODE_POINTS), text); }

    /** YAML is a superset of JSON, but JSON errors read better from the JSON parser. */
    public static CaseDocument read(String text) {
        return read(text, MAX_YAML_CODE_POINTS);
    }

    /** As {@link #read(String)}, with a YAML document held to {@code maxYamlCodePoints} characters. */
    public static CaseDocument read(String text, int maxYamlCodePoints) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") ? readJson(text) : read(yaml(maxYamlCodePoints), text);
    }

    private static CaseDocument read(ObjectMapper mapper, String text) {
        if (text == null || text.isBlank()) throw new CaseFormatException("$", "the case document is empty");
        CaseDocument doc;
        try {
            doc = mapper.readValue(text, CaseDocument.class);
        } catch (JsonProcessingException e) {
            throw new CaseFormatException(path(e), message(e));
        }
        if (doc == null) throw new CaseFormatException("$", "the case document is empty");
        CaseValidator.validate(doc);
        return doc;
    }

    private static String path(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonMappingException.Reference ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    if (!sb.isEmpty()) sb.append('.');
                    sb.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            return sb.toString();
        }
        return "$";
    }

    private static String message(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) return "is too large or nested too deep to be a case document";
        YAMLException yaml = yamlCause(e);
        if (yaml instanceof MarkedYAMLException m) {
            String problem = m.getProblem() == null ? "" : m.getProblem();
            // The problem quotes a tag as written (!!javax.script…): say what is wrong without echoing it.
            if (problem.contains("tag")) problem = "a YAML tag (!!…) is not allowed in a case document";
            var mark = m.getProblemMark();
            return "is not valid YAML: " + problem + (mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")");
        }
        if (yaml != null) return "is not valid YAML: " + yaml.getMessage();
        if (e instanceof UnrecognizedPropertyException u) return "unknown field \"" + u.getPropertyName() + "\"";
        if (e instanceof InvalidFormatException f) {
            Class<?> target = f.getTargetType();
            if (target != null && target.isEnum()) {
                return "\"" + f.getValue() + "\" is not one of " + Arrays.stream(target.getEnumConstants())
                        .map(String::valueOf).collect(Collectors.joining(", "));
            }
            return "\"" + f.getValue() + "\" is not a valid " + simpleName(target);
        }
        if (e instanceof MismatchedInputException m) {
            return "expected " + simpleName(m.getTargetType());
        }
        String msg = e.getOriginalMessage();
        return e.getLocation() == null ? msg
                : msg + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static YAMLException yamlCause(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof YAMLException y) return y;
        }
        return null;
    }

    /** Text as any other, refused when it holds what cannot be stored ({@link TextValues}), naming the field. */
    private static final class CheckedText extends StdScalarDeserializer<String> {
        CheckedText() { super(String.class); }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws java.io.IOException {
            String text = StringDeserializer.instance.deserialize(p, ctxt);
            String fault = text == null ? null : TextValues.fault(text);
            if (fault != null) throw JsonMappingException.from(p, fault);
            return text;
        }
    }

    private static String simpleName(Class<?> type) {
        if (type == null) return "value";
        if (type == java.time.LocalDate.class) return "date (YYYY-MM-DD)";
        if (type == Integer.class || type == int.class || type == Long.class) return "whole number";
        if (type == Boolean.class) return "true or false";
        if (java.util.Collection.class.isAssignableFrom(type)) return "list";
        if (type.isRecord()) return "object";
        return type.getSimpleName();
    }
}
