package com.deskbridge.api;

import com.deskbridge.actions.OrderActions;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.query.SlaMetricsQueries;
import com.deskbridge.domain.query.TicketQueries;
import com.deskbridge.domain.query.TicketSearchQueries;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The application services the routes call, built once per container from {@link ApiServices} (the ports).
 * {@code orderActions} is built on first use: most API calls never refund, so a container does not pay for the
 * SP-API client at start.
 */
record ApiApplication(TicketQueries queries, TicketCommands commands, ReplyService replies, TicketViews views,
                      Supplier<OrderActions> orderActions, MacroService macros, SettingsService settings,
                      SlaMetricsQueries metrics, TicketSearchQueries search, CollaborationService collaboration,
                      ComplianceChecker compliance, Clock clock) {

    static ApiApplication of(ApiServices ports) {
        SettingsService settings = new SettingsService(ports.settings(), ports.defaultPolicy());
        CollaborationService collaboration = new CollaborationService(ports.collaboration(), ports.clock());
        TicketSearchQueries search = new TicketSearchQueries(ports.collaboration().search(), ports.clock());
        return new ApiApplication(ports.queries(), ports.commands(),
                new ReplyService(ports.compliance(), ports.commands(), ports.dispatcher(), ports.outbound(), collaboration),
                new TicketViews(ports.context(), ports.trackingRefresh(), collaboration, search), ports.orderActions(),
                new MacroService(ports.compliance(), settings, ports.context()), settings,
                new SlaMetricsQueries(ports.responses(), ports.dailyMetrics(), ports.clock()), search, collaboration,
                ports.compliance(), ports.clock());
    }
}
