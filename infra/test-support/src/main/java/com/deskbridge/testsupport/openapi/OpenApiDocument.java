package com.deskbridge.testsupport.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * An OpenAPI 3.1 document (functions/api/openapi.yaml) as a response checker: which documented operation a request
 * reached, and whether a real response (status, content type, body) is one the document promises. Bodies are
 * validated with networknt's JSON Schema 2020-12 validator, the schema's {@code #/components/schemas/} references
 * resolved as {@code $defs}.
 */
public final class OpenApiDocument {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final List<Template> templates = new ArrayList<>();
    private final Map<String, JsonSchema> validators = new ConcurrentHashMap<>();

    /** One documented path, as a pattern; more literal segments win over parameters ({@code /tickets/search} before {@code /tickets/{id}}). */
    private record Template(String path, Pattern pattern, int literals) {
    }

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        for (Iterator<String> it = document.path("paths").fieldNames(); it.hasNext(); ) {
            String path = it.next();
            String[] segments = path.split("/");
            StringBuilder regex = new StringBuilder();
            int literals = 0;
            for (String segment : segments) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                } else {
                    regex.append(Pattern.quote(segment));
                    literals++;
                }
            }
            templates.add(new Template(path, Pattern.compile(regex.toString()), literals));
        }
        templates.sort(Comparator.comparingInt(Template::literals).reversed());
    }

    public static OpenApiDocument load(Path yaml) {
        try {
            Object tree = new org.yaml.snakeyaml.Yaml().load(Files.readString(yaml));
            return new OpenApiDocument(JSON.valueToTree(tree));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + yaml, e);
        }
    }

    /** The documented path template a raw request path matches, e.g. {@code /tickets/{id}/actions/{actionId}}. */
    public Optional<String> pathTemplate(String rawPath) {
        return templates.stream().filter(t -> t.pattern().matcher(rawPath).matches()).map(Template::path).findFirst();
    }

    /**
     * What is wrong with a response, or nothing: the operation is documented, its status is documented, the content
     * type is one the status documents, and the body validates against that content's schema.
     *
     * @param contentType the response's content type without parameters, or null when it has none
     */
    public List<String> check(String method, String rawPath, int status, String contentType, String body) {
        List<String> problems = new ArrayList<>();
        String what = method + " " + rawPath + " -> " + status;
        Optional<String> template = pathTemplate(rawPath);
        if (template.isEmpty()) {
            problems.add(what + ": no documented path matches");
            return problems;
        }
        JsonNode operation = document.path("paths").path(template.get()).path(method.toLowerCase(Locale.ROOT));
        if (operation.isMissingNode()) {
            problems.add(what + ": " + method + " " + template.get() + " is not documented");
            return problems;
        }
        JsonNode response = resolve(operation.path("responses").path(Integer.toString(status)));
        if (response.isMissingNode()) {
            problems.add(what + ": status " + status + " is not documented for " + method + " " + template.get());
            return problems;
        }
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(what + ": documented without a body, answered " + abbreviate(body));
            }
            return problems;
        }
        JsonNode media = contentType == null ? null : content.get(contentType);
        if (media == null) {
            problems.add(what + ": content type " + contentType + " is not documented (documented: " + names(content) + ")");
            return problems;
        }
        if (!contentType.endsWith("json")) {
            // a text media type (text/csv): documented as a string, any non-empty body is one
            if (body == null || body.isEmpty()) {
                problems.add(what + ": empty body where " + contentType + " is documented");
            }
            return problems;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body == null ? "" : body);
        } catch (IOException e) {
            problems.add(what + ": body is not JSON: " + abbreviate(body));
            return problems;
        }
        if (instance == null || instance.isMissingNode()) {
            problems.add(what + ": empty body where " + contentType + " is documented");
            return problems;
        }
        String key = method + " " + template.get() + " " + status + " " + contentType;
        JsonSchema schema = validators.computeIfAbsent(key, k -> validator(media.path("schema")));
        schema.validate(instance).forEach(m -> problems.add(what + ": " + m.getMessage() + " in " + abbreviate(body)));
        return problems;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The schema as a JSON Schema 2020-12 document whose references into components resolve to $defs. */
    private JsonSchema validator(JsonNode schema) {
        try {
            String defs = JSON.writeValueAsString(document.at("/components/schemas")).replace("#/components/schemas/", "#/$defs/");
            ObjectNode root = (ObjectNode) JSON.readTree(JSON.writeValueAsString(schema).replace("#/components/schemas/", "#/$defs/"));
            root.set("$defs", JSON.readTree(defs));
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
