package vn.laurel.engine.caseformat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import vn.laurel.engine.model.CaseDocument;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads case documents (shared/reference/case-format.md) from JSON or YAML. Unknown fields are
 * refused rather than ignored: a misspelt field silently dropped would change a decision.
 */
public final class CaseReader {
    private static final ObjectMapper JSON = configure(new ObjectMapper());
    private static final ObjectMapper YAML = configure(new ObjectMapper(new YAMLFactory()));

    private CaseReader() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    public static CaseDocument readJson(String text) { return read(JSON, text); }

    public static CaseDocument readYaml(String text) { return read(YAML, text); }

    /** YAML is a superset of JSON, but JSON errors read better from the JSON parser. */
    public static CaseDocument read(String text) {
        String trimmed = text.stripLeading();
        return trimmed.startsWith("{") ? readJson(text) : readYaml(text);
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
