package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * A seller's translation switch as JSON, the body of {@code PUT /translation-settings}: {@code {"enabled": true}}.
 * Off by default (Amazon Translate bills every character, https://aws.amazon.com/translate/pricing/): a seller who
 * stored nothing has translation off. {@code enabled} is a real boolean; no other member.
 */
public final class TranslationSettingsJson {
    /** What a seller who stored nothing gets. */
    public static final String DEFAULT_DOCUMENT = "{\"enabled\":false}";

    private TranslationSettingsJson() {
    }

    /** @return whether translation is on; @throws InvalidInputException naming the field */
    public static boolean parse(String document) {
        JsonNode root = SettingsDocument.object(document, 1_000);
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!"enabled".equals(name)) {
                throw new InvalidInputException(name, "is not a member of the translation settings (enabled)");
            }
        }
        JsonNode enabled = root.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw new InvalidInputException("enabled", "is required: true or false");
        }
        return enabled.booleanValue();
    }
}
