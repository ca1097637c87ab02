package app.coherence.function.api;

import app.coherence.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks real responses against our OpenAPI document: the operation must be documented for that
 * status, and the body must match its schema (types, required fields, enums, bounds, date-times,
 * $ref). Enough of JSON Schema for the document we write; anything it does not know fails loudly.
 */
final class OpenApiValidator {
    private final JsonNode doc;

    OpenApiValidator(byte[] document) {
        this.doc = Json.tree(document);
    }

    /** The problems of one response; empty when it conforms. */
    List<String> check(String method, String path, int status, byte[] body) {
        List<String> problems = new ArrayList<>();
        JsonNode operation = operation(method, path);
        if (operation == null) {
            problems.add(method + " " + path + " is not documented");
            return problems;
        }
        JsonNode response = operation.path("responses").get(String.valueOf(status));
        if (response == null) {
            problems.add(method + " " + path + " answered " + status + ", which is not documented");
            return problems;
        }
        response = resolve(response);
        JsonNode schema = response.path("content").path("application/json").get("schema");
        if (schema == null) {
            if (body.length > 0) {
                problems.add(method + " " + path + " " + status + " has a body but the document declares none");
            }
            return problems;
        }
        validate(Json.tree(body), schema, "$", problems);
        return problems;
    }

    /** Every documented (method, path template). */
    List<String> operations() {
        List<String> out = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fieldNames().forEachRemaining(m -> {
            if (!m.equals("parameters")) {
                out.add(m.toUpperCase(Locale.ROOT) + " " + p.getKey());
            }
        }));
        return out;
    }

    private JsonNode operation(String method, String path) {
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            String regex = p.getKey().replaceAll("\\{[^}]+}", "[^/]+");
            if (path.matches(regex)) {
                return p.getValue().get(method.toLowerCase(Locale.ROOT));
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local $ref supported: " + ref);
            }
            node = doc.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalArgumentException("dangling $ref " + ref);
            }
        }
        return node;
    }

    private void validate(JsonNode value, JsonNode schema, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value);
            }
            if (!found) {
                problems.add(at + ": " + value + " is not one of " + schema.get("enum"));
            }
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> object(value, schema, at, problems);
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": expected an array, got " + value.getNodeType());
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), at + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + ": expected a string, got " + value.getNodeType());
                    return;
                }
                if ("date-time".equals(schema.path("format").asText())) {
                    try {
                        OffsetDateTime.parse(value.asText());
                    } catch (DateTimeParseException e) {
                        problems.add(at + ": '" + value.asText() + "' is not a date-time");
                    }
                }
                if (schema.has("maxLength") && value.asText().length() > schema.get("maxLength").asInt()) {
                    problems.add(at + ": longer than " + schema.get("maxLength"));
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": expected an integer, got " + value);
                    return;
                }
                bounds(value, schema, at, problems);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": expected a number, got " + value);
                    return;
                }
                bounds(value, schema, at, problems);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": expected a boolean, got " + value);
                }
            }
            case "" -> {
                if (!schema.has("enum")) {
                    throw new IllegalArgumentException("schema without type at " + at + ": " + schema);
                }
            }
            default -> throw new IllegalArgumentException("unknown type " + type + " at " + at);
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (!value.isObject()) {
            problems.add(at + ": expected an object, got " + value.getNodeType());
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.hasNonNull(required.asText())) {
                problems.add(at + ": required field '" + required.asText() + "' missing");
            }
        }
        JsonNode properties = schema.path("properties");
        value.fields().forEachRemaining(f -> {
            JsonNode property = properties.get(f.getKey());
            if (property != null) {
                validate(f.getValue(), property, at + "." + f.getKey(), problems);
            } else if (!properties.isMissingNode() && properties.size() > 0 && !schema.path("additionalProperties").asBoolean(false)) {
                // Our responses never carry undocumented fields: every field a client sees is described.
                problems.add(at + ": field '" + f.getKey() + "' is not documented");
            }
        });
    }

    private static void bounds(JsonNode value, JsonNode schema, String at, List<String> problems) {
        if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
            problems.add(at + ": " + value + " below minimum " + schema.get("minimum"));
        }
        if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
            problems.add(at + ": " + value + " above maximum " + schema.get("maximum"));
        }
    }
}
