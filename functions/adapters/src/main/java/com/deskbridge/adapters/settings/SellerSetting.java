package com.deskbridge.adapters.settings;

/** The settings a seller keeps as validated JSON documents, one item each in the tickets table. */
public enum SellerSetting {
    /** The response-time policy ({@link SlaPolicyJson}). */
    SLA_POLICY,
    /** The seller's own tag rules ({@link TagRulesJson}). */
    TAG_RULES,
    /** How replies are written: shop name, default language, carrier links, automatic replies, own macros ({@link ReplySettingsJson}). */
    REPLY_SETTINGS,
    /** Refund approval thresholds, per-agent daily caps and the alert level (com.deskbridge.actions.RefundControlsJson). */
    REFUND_CONTROLS,
    /** The compliance audit's schedule, sample size and the seller's own rules ({@link AuditSettingsJson}). */
    AUDIT_SETTINGS,
    /** Machine translation of buyer messages and replies, off by default ({@link TranslationSettingsJson}). */
    TRANSLATION
}
