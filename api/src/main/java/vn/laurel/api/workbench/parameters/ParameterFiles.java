package vn.laurel.api.workbench.parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import vn.laurel.engine.policy.Localized;
import vn.laurel.engine.policy.Parameter;
import vn.laurel.engine.policy.ParameterValue;
import vn.laurel.engine.ruleset.RuleBundle;

import java.time.LocalDate;
import java.util.*;

/**
 * The parameters of a draft read from its YAML alone, leniently: for a draft whose rules do not compile
 * (a DRL error elsewhere should not hide its thresholds). A file that does not parse is named in
 * {@link Read#unreadable()}; a value without a readable date is left out. The compiled rule set, when
 * there is one, is what counts: this reading is only what can still be shown without it.
 */
public final class ParameterFiles {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String FOLDER = RuleBundle.RULES + "parameters/";

    private ParameterFiles() {}

    /** The parameters by name, and the files (with why) that could not be read. */
    public record Read(Map<String, Parameter> parameters, Map<String, String> unreadable) {}

    public static Read of(RuleBundle files) {
        Map<String, Parameter> parameters = new TreeMap<>();
        Map<String, String> unreadable = new TreeMap<>();
        files.files().forEach((path, bytes) -> {
            if (!path.startsWith(FOLDER) || path.substring(FOLDER.length()).contains("/") || !path.matches(".*\\.ya?ml")) return;
            String file = path.substring(RuleBundle.RULES.length());
            try {
                JsonNode root = YAML.readTree(bytes);
                if (root == null || !root.isObject()) return;
                root.fields().forEachRemaining(e -> {
                    if (!parameters.containsKey(e.getKey())) parameters.put(e.getKey(), parameter(e.getKey(), file, e.getValue()));
                });
            } catch (Exception e) {
                unreadable.put(path, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
            }
        });
        return new Read(parameters, unreadable);
    }

    private static Parameter parameter(String name, String file, JsonNode node) {
        JsonNode d = node.path("description");
        Localized description = d.isObject() ? new Localized(text(d, "vi"), text(d, "en")) : null;
        List<ParameterValue> values = new ArrayList<>();
        for (JsonNode v : node.path("values")) {
            LocalDate from;
            try {
                from = LocalDate.parse(v.path("from").asText());
            } catch (RuntimeException e) {
                continue;
            }
            JsonNode value = v.get("value");
            if (value == null || value.isNull()) continue;
            values.add(new ParameterValue(from, YAML.convertValue(value, Object.class), text(v, "reference"), text(v, "organisation"),
                    text(v, "sector"), "SUBMISSION".equals(text(v, "appliesBy")), text(v, "confidence")));
        }
        return new Parameter(name, description, text(node, "unit"), text(node, "confidence"), file, values);
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() || n.isContainerNode() ? null : n.asText();
    }
}
