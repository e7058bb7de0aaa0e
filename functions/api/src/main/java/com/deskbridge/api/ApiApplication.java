package com.deskbridge.api;

import com.deskbridge.adapters.dynamodb.AgentCounters;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.query.InboxQueries;
import com.deskbridge.domain.query.SlaMetricsQueries;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.query.TicketSearchQueries;
import com.deskbridge.domain.seller.SellerRegistry;
import java.time.Clock;

/**
 * The application services the routes call, built once per container from {@link ApiServices} (the ports).
 * The order actions behind {@code actions} are built on first use: most API calls never refund, so a container does
 * not pay for the SP-API client at start.
 */
record ApiApplication(TicketQueries queries, TicketCommands commands, ReplyService replies, TicketViews views,
                      TicketActions actions, MacroService macros, SettingsService settings,
                      SlaMetricsQueries metrics, TicketSearchQueries search, CollaborationService collaboration,
                      ComplianceChecker compliance, InboxQueries inbox, SuggestionService suggestions, AgentCounters counters,
                      java.util.function.Supplier<com.deskbridge.reviews.ReviewRequests> reviews,
                      com.deskbridge.domain.port.ResponseLog responses, SellerRegistry sellers, Clock clock, ApiLimits limits,
                      AuditService audits,
                      java.util.function.Supplier<AmazonAuthorization> amazon,
                      TranslationDesk translations,
                      java.util.function.Supplier<EbayAuthorization> ebay,
                      java.util.function.Supplier<CarrierConnections> carriers,
                      java.util.function.Supplier<ShopifyWebhookIntake> shopifyWebhooks) {

    static ApiApplication of(ApiServices ports) {
        SettingsService settings = new SettingsService(ports.settings(), ports.defaultPolicy());
        CollaborationService collaboration = new CollaborationService(ports.collaboration(), ports.clock());
        TicketSearchQueries search = new TicketSearchQueries(ports.collaboration().search(), ports.clock());
        MacroService macros = new MacroService(ports.compliance(), settings, ports.context());
        return new ApiApplication(ports.queries(), ports.commands(),
                new ReplyService(ports.compliance(), ports.commands(), ports.dispatcher(), ports.outbound(), collaboration,
                        ports.counters(), ports.clock()),
                new TicketViews(ports.context(), ports.trackingRefresh(), collaboration, search),
                new TicketActions(ports.orderActions(), ports.context()),
                macros, settings,
                new SlaMetricsQueries(ports.responses(), ports.dailyMetrics(), ports.clock()), search, collaboration,
                ports.compliance(), new InboxQueries(ports.inbox(), ports.clock()),
                new SuggestionService(macros, settings, ports.context(), ports.counters(), ports.clock()),
                ports.counters(), ports.reviews(), ports.responses(), ports.sellers(), ports.clock(), ports.limits(),
                new AuditService(ports.audits(), settings, ports.compliance(), ports.clock()),
                ports.amazon(),

                new TranslationDesk(ports.settings(), ports.translations().translator(), ports.translations().replies(),
                        macros, settings, ports.clock(), ports.translations().retention()),
                ports.ebay(), ports.carriers(), ports.shopifyWebhooks());
    }
}
