package ai.kaizen.analysis.facts;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Tolerant reads from untrusted JSON: a missing, null or mistyped value is absent, never an exception. */
final class Json {

    private Json() {
    }

    static @Nullable JsonNode object(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    static List<JsonNode> array(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        return new ArrayList<>(value.values());
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isMissingNode() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    static @Nullable Double number(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            double number = value.asDouble();
            return Double.isFinite(number) ? number : null;
        }
        if (value.isString()) {
            try {
                double number = Double.parseDouble(value.asString().trim());
                return Double.isFinite(number) ? number : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static @Nullable Long integer(@Nullable JsonNode node, String field) {
        Double number = number(node, field);
        return number == null || number != Math.rint(number) ? null : number.longValue();
    }

    static @Nullable Boolean bool(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isBoolean()) {
            return null;
        }
        return value.asBoolean();
    }

    /** The first of the fields that is present. */
    static @Nullable Double firstNumber(@Nullable JsonNode node, String... fields) {
        for (String field : fields) {
            Double value = number(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    static @Nullable String firstText(@Nullable JsonNode node, String... fields) {
        for (String field : fields) {
            String value = text(node, field);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Text for a message: control characters removed, at most 200 characters. */
    static String clip(@Nullable String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
