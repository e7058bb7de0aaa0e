package com.deskbridge.api;

import com.deskbridge.actions.ActionState;
import com.deskbridge.actions.ActionType;
import com.deskbridge.actions.OrderAction;
import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.adapters.settings.SlaPolicyJson;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.Direction;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.domain.ticket.TicketId;
import com.deskbridge.domain.ticket.TicketMessage;
import com.deskbridge.domain.ticket.TicketStatus;
import com.deskbridge.domain.ticket.TicketSummary;
import com.deskbridge.enrichment.EnrichmentState;
import com.deskbridge.enrichment.TicketEnrichment;
import com.deskbridge.logistics.EvidenceLog;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The assistant as the API function runs it ({@link SuggestionService} with {@link MacroService}, the compliance
 * checker and the seller's reply settings), over tickets and order context held in memory: for measuring and testing
 * which tickets get a sendable suggestion without a table in between.
 */
final class CoverageWorld {
    static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    static final SellerId SELLER = new SellerId("coverage-seller");
    private static final String REPLY_SETTINGS =
            "{\"shopName\":\"Nordlicht Textil\",\"defaultLanguage\":\"en\",\"carrierLinks\":false,\"autoReplies\":true,\"macros\":[]}";

    private final Map<String, TicketEnrichment> enrichment = new HashMap<>();
    private final Map<String, List<OrderAction>> actions = new HashMap<>();
    private final SuggestionService suggestions;
    private int next;

    CoverageWorld() {
        SellerSettings store = new InMemorySellerSettings();
        SettingsService settings = new SettingsService(store, SlaPolicyJson.defaultDocument("Europe/Berlin"));
        settings.save(SELLER, SellerSetting.REPLY_SETTINGS, REPLY_SETTINGS, "test");
        TicketContext context = new TicketContext() {
            @Override
            public Optional<TicketEnrichment> enrichment(String sellerId, String ticketId) {
                return Optional.ofNullable(enrichment.get(ticketId));
            }

            @Override
            public List<OrderAction> actions(String sellerId, String ticketId) {
                return actions.getOrDefault(ticketId, List.of());
            }

            @Override
            public Optional<OrderAction> action(String sellerId, String ticketId, String actionId) {
                return actions(sellerId, ticketId).stream().filter(a -> a.actionId().equals(actionId)).findFirst();
            }

            @Override
            public EvidenceLog.StoredChain evidence(String sellerId, String ticketId) {
                throw new UnsupportedOperationException("suggestions read no evidence");
            }
        };
        suggestions = new SuggestionService(new MacroService(new ComplianceChecker(), settings, context), settings, context,
                null, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * The suggestions for a buyer's Amazon ticket of {@code intent} in {@code language} about {@code order} (null: no
     * order context), with the order's shipments and a completed refund or cancellation of each of
     * {@code completedActions}' types.
     */
    SuggestionService.Suggestions suggest(String intent, String language, TicketEnrichment.OrderView order,
                                          List<TicketEnrichment.ShipmentView> shipments, List<ActionType> completedActions) {
        String id = ticketId(next++);
        TicketId ticketId = new TicketId(id);
        String orderId = order == null ? null : order.orderId();
        TicketSummary summary = new TicketSummary(ticketId, SELLER, Channel.AMAZON, "A1PA6795UKMFR9", orderId, "Jana Beispiel",
                "Order " + orderId, TicketStatus.OPEN, NOW, NOW, NOW, 1, intent, Set.of(), null, null, NOW.plusSeconds(86_400));
        TicketMessage message = new TicketMessage("m-" + id, "ext-" + id,
                new Sender("k3j4h5@marketplace.amazon.de", "Jana Beispiel - Amazon Marketplace"), "Order " + orderId,
                "(the buyer's text)", false, List.of(), NOW, Direction.IN, null, null, null, false, language, 0.9, null, null);
        if (order != null) {
            enrichment.put(id, new TicketEnrichment(EnrichmentState.COMPLETE, "", NOW, orderId, "A1PA6795UKMFR9", order, null,
                    shipments, "order-fp"));
        }
        if (order != null && !completedActions.isEmpty()) {
            actions.put(id, completedActions.stream().map(type -> completed(id, order, type)).toList());
        }
        return suggestions.suggest(SELLER, new TicketDetail(summary, List.of(message)));
    }

    /** A well-formed ticket id ('t' and 24 base32 characters) for the n-th ticket. */
    private static String ticketId(int n) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder id = new StringBuilder();
        for (int i = 0, v = n; i < 24; i++, v /= 32) {
            id.append(alphabet.charAt(v % 32));
        }
        return "t" + id;
    }

    /** A completed refund (of the order's first line, at its price) or cancellation of the order. */
    private static OrderAction completed(String ticketId, TicketEnrichment.OrderView order, ActionType type) {
        boolean refund = type == ActionType.REFUND;
        TicketEnrichment.ItemView item = order.items().get(0);
        return new OrderAction(SELLER.value(), ticketId, "a" + ticketId + type.ordinal(), type, ActionState.COMPLETED,
                order.orderId(), order.marketplaceId(), "agent-1", refund ? item.itemPrice() : null,
                refund ? order.currency() : null, refund ? "CustomerReturn" : "BuyerCanceled", NOW, NOW, NOW, null, null,
                "feed-1", 1L, null);
    }
}
