package com.deskbridge.automation;

import java.util.List;
import java.util.Set;

/**
 * A seller's automatic-reply rule as stored (plain strings, e.g. read from the tenant's settings), validated into an
 * {@link AutoReplyRule} by {@link SellerAutomationSettings.Builder#build()}. Empty sets and lists mean "any".
 *
 * @param id            lower-case letters, digits and dashes; not starting with {@code builtin-}
 * @param intents       intent wire names ({@code com.deskbridge.intent.Intent}: WHERE_IS_MY_ORDER, RETURN, …)
 * @param channels      channel wire names: amazon, ebay, shopify, email
 * @param windows       weekly ranges in the seller's time zone, e.g. {@code new Window("FRI 20:00", "MON 08:00")};
 *                      the rule fires when the message was received in any of them
 * @param requires      {@link DataRequirement} names: ORDER_KNOWN, TRACKING_KNOWN
 * @param orderChannels FBA, FBM, MCF: the order must be known and fulfilled this way
 * @param macro         the macro to send: a macro id of the seller's catalog, or
 *                      {@value AcknowledgementTemplate#ID} for the acknowledgement stating when the seller answers
 */
public record RuleDefinition(String id, Set<String> intents, Set<String> channels, List<Window> windows,
                             Set<String> requires, Set<String> orderChannels, String macro) {
    public RuleDefinition {
        intents = intents == null ? Set.of() : Set.copyOf(intents);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        windows = windows == null ? List.of() : List.copyOf(windows);
        requires = requires == null ? Set.of() : Set.copyOf(requires);
        orderChannels = orderChannels == null ? Set.of() : Set.copyOf(orderChannels);
    }

    /** One weekly range as written: {@code "FRI 20:00"} to {@code "MON 08:00"}. */
    public record Window(String start, String end) {
    }
}
