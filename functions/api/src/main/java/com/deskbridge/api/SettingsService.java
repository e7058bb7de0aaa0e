package com.deskbridge.api;

import com.deskbridge.actions.RefundControlsJson;
import com.deskbridge.adapters.settings.AuditSettingsJson;
import com.deskbridge.adapters.settings.ReplySettings;
import com.deskbridge.audit.AuditSettings;
import com.deskbridge.adapters.settings.ReplySettingsJson;
import com.deskbridge.adapters.settings.SellerDocuments;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.adapters.settings.TagRulesJson;
import com.deskbridge.adapters.settings.TranslationSettingsJson;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import java.time.ZoneId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The seller's settings documents (SLA policy, tag rules, reply settings, refund controls): read with their defaults, and saved only
 * after the document's own validation passed (every invalid field named).
 */
final class SettingsService {
    private static final String NO_TAG_RULES = "{\"rules\":[]}";
    private static final String DEFAULT_REPLY_SETTINGS =
            "{\"defaultLanguage\":\"en\",\"carrierLinks\":false,\"autoReplies\":true,\"macros\":[]}";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored document, or the default when the seller stored none. */
    record Stored(boolean isDefault, JsonNode document) {
    }

    private final SellerSettings settings;
    private final Map<SellerSetting, String> defaults;
    private final Map<SellerSetting, Consumer<String>> validators;
    private final SellerDocuments<ReplySettings> replySettings;
    private final SellerDocuments<SlaPolicies> policies;
    private final SellerDocuments<AuditSettings> auditSettings;

    SettingsService(SellerSettings settings, String defaultPolicy) {
        this.settings = Objects.requireNonNull(settings);
        ReplySettingsJson replyJson = new ReplySettingsJson();
        SlaPolicyJson policyJson = new SlaPolicyJson();
        TagRulesJson tagRulesJson = new TagRulesJson();
        this.defaults = Map.of(SellerSetting.SLA_POLICY, defaultPolicy, SellerSetting.TAG_RULES, NO_TAG_RULES,
                SellerSetting.REPLY_SETTINGS, DEFAULT_REPLY_SETTINGS, SellerSetting.REFUND_CONTROLS, RefundControlsJson.DEFAULT_DOCUMENT,
                SellerSetting.AUDIT_SETTINGS, AuditSettingsJson.DEFAULT_DOCUMENT,
                SellerSetting.TRANSLATION, TranslationSettingsJson.DEFAULT_DOCUMENT);
        this.validators = Map.of(SellerSetting.SLA_POLICY, policyJson::parse, SellerSetting.TAG_RULES, tagRulesJson::parse,
                SellerSetting.REPLY_SETTINGS, replyJson::parse, SellerSetting.REFUND_CONTROLS, RefundControlsJson::parse,
                SellerSetting.AUDIT_SETTINGS, new AuditSettingsJson()::parse,
                SellerSetting.TRANSLATION, TranslationSettingsJson::parse);
        this.auditSettings = new SellerDocuments<>(settings, SellerSetting.AUDIT_SETTINGS, AuditSettings.DEFAULT,
                new AuditSettingsJson()::parse);
        this.replySettings = new SellerDocuments<>(settings, SellerSetting.REPLY_SETTINGS, ReplySettings.DEFAULT,
                replyJson::parse);
        this.policies = new SellerDocuments<>(settings, SellerSetting.SLA_POLICY, policyJson.parse(defaultPolicy),
                policyJson::parse);
    }

    Stored read(SellerId seller, SellerSetting setting) {
        Optional<String> stored = settings.document(seller, setting);
        try {
            return new Stored(stored.isEmpty(), JSON.readTree(stored.orElse(defaults.get(setting))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + setting + " is not JSON", e);
        }
    }

    /**
     * Validates and stores the document, then reads it back.
     *
     * @throws com.deskbridge.domain.ticket.InvalidInputException naming the first invalid field
     */
    Stored save(SellerId seller, SellerSetting setting, String document, String savedBy) {
        validators.get(setting).accept(document);
        settings.save(seller, setting, document, savedBy);
        return read(seller, setting);
    }

    /** The seller's time zone for a channel (from the SLA policy: business hours are kept in it). */
    ZoneId timeZone(SellerId seller, Channel channel) {
        return policies.apply(seller).policyFor(channel).calendar().zone();
    }

    /** The seller's audit settings, parsed (the defaults when none are stored). */
    AuditSettings auditSettings(SellerId seller) {
        return auditSettings.apply(seller);
    }

    /** The seller's reply settings, parsed (the defaults when none are stored). */
    ReplySettings replySettings(SellerId seller) {
        return replySettings.apply(seller);
    }
}
