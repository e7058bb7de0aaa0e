package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.AgentText;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.macros.MacroCatalog;
import com.deskbridge.macros.MacroDefinition;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.MacroSettings;
import com.deskbridge.macros.MacroValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A seller's reply settings as JSON: the body of {@code PUT /reply-settings} and what the tickets table stores.
 *
 * <pre>{@code
 * {"shopName": "Nordlicht Textil", "defaultLanguage": "de", "carrierLinks": false, "autoReplies": true,
 *  "macros": [{"id": "size-exchange", "name": "Size exchange",
 *              "bodies": {"de": "Hallo {{CustomerName}}, ...", "en": "Hello {{CustomerName}}, ..."},
 *              "intents": ["RETURN"]}]}
 * }</pre>
 * Parsing validates every member and the macros together with the built-ins (unknown placeholders, syntax errors,
 * duplicate ids); the first problem names its field, e.g. {@code macros[0].bodies.de}.
 */
public final class ReplySettingsJson {
    private static final Set<String> FIELDS = Set.of("shopName", "defaultLanguage", "carrierLinks", "autoReplies", "macros");
    private static final Set<String> MACRO_FIELDS = Set.of("id", "name", "bodies", "intents");
    private static final int MAX_DOCUMENT_CHARS = 400_000;

    /** @throws InvalidInputException naming the field */
    public ReplySettings parse(String document) {
        JsonNode root = SettingsDocument.object(document, MAX_DOCUMENT_CHARS);
        onlyKnown(root, FIELDS, "");
        String shopName = AgentText.check(optionalText(root, "shopName"), "shopName", false);
        if (shopName != null && (shopName.isBlank() || shopName.length() > 80)) {
            throw new InvalidInputException("shopName", "must be 1 to 80 characters");
        }
        MacroLanguage language = MacroLanguage.EN;
        String code = optionalText(root, "defaultLanguage");
        if (code != null) {
            language = MacroLanguage.fromCode(code).orElseThrow(() ->
                    new InvalidInputException("defaultLanguage", "must be one of en, de, fr, it, es, nl, pl, sv (was '" + code + "')"));
        }
        boolean carrierLinks = bool(root, "carrierLinks", false);
        boolean autoReplies = bool(root, "autoReplies", true);
        List<MacroDefinition> macros = new ArrayList<>();
        JsonNode list = root.path("macros");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new InvalidInputException("macros", "must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                macros.add(macro(list.get(i), "macros[" + i + "]"));
            }
        }
        ReplySettings settings = new ReplySettings(shopName == null ? null : shopName.strip(),
                new MacroSettings(language, carrierLinks), autoReplies, macros);
        try {
            MacroCatalog catalog = settings.catalog();
            if (catalog.all().isEmpty()) {
                throw new IllegalStateException("the built-in macros are missing");
            }
        } catch (MacroValidationException e) {
            var problem = e.problems().get(0);
            int index = indexOf(macros, problem.macroId());
            String field = index < 0 ? "macros" : "macros[" + index + "]"
                    + (problem.language() == null ? "" : ".bodies." + problem.language().code());
            throw new InvalidInputException(field, problem.describe());
        }
        return settings;
    }

    private static int indexOf(List<MacroDefinition> macros, String id) {
        for (int i = 0; i < macros.size(); i++) {
            if (macros.get(i).id() != null && macros.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static MacroDefinition macro(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(at, "must be an object");
        }
        onlyKnown(node, MACRO_FIELDS, at + ".");
        String id = requiredText(node, "id", at);
        String name = AgentText.check(requiredText(node, "name", at), at + ".name", false);
        JsonNode bodies = node.path("bodies");
        if (!bodies.isObject() || bodies.isEmpty()) {
            throw new InvalidInputException(at + ".bodies", "must map at least one language (en, de, fr, it, es, nl, pl, sv) to a text");
        }
        Map<MacroLanguage, String> texts = new EnumMap<>(MacroLanguage.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = bodies.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            MacroLanguage language = MacroLanguage.fromCode(e.getKey()).orElseThrow(() ->
                    new InvalidInputException(at + ".bodies." + e.getKey(), "is not one of en, de, fr, it, es, nl, pl, sv"));
            if (!e.getValue().isTextual()) {
                throw new InvalidInputException(at + ".bodies." + e.getKey(), "must be a string");
            }
            texts.put(language, AgentText.check(e.getValue().textValue(), at + ".bodies." + e.getKey(), true));
        }
        Set<String> intents = new LinkedHashSet<>();
        JsonNode list = node.path("intents");
        if (!list.isMissingNode()) {
            if (!list.isArray()) {
                throw new InvalidInputException(at + ".intents", "must be an array of intent names");
            }
            list.forEach(i -> intents.add(i.asText()));
        }
        return new MacroDefinition(id, name, texts, intents);
    }

    private static void onlyKnown(JsonNode node, Set<String> fields, String prefix) {
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                throw new InvalidInputException(prefix + name, "is not a known member");
            }
        });
    }

    private static String requiredText(JsonNode node, String field, String at) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new InvalidInputException(at + "." + field, "is required");
        }
        return value.textValue();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidInputException(field, "must be a string");
        }
        return value.textValue();
    }

    private static boolean bool(JsonNode node, String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw new InvalidInputException(field, "must be true or false");
        }
        return value.booleanValue();
    }
}
