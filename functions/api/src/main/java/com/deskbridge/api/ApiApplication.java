package com.deskbridge.api;

import com.deskbridge.actions.OrderActions;
import com.deskbridge.compliance.ComplianceChecker;
import com.deskbridge.domain.command.TicketCommands;
import com.deskbridge.domain.query.SlaMetricsQueries;
import com.deskbridge.domain.query.TicketQueries;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The application services the routes call, built once per container from {@link ApiServices} (the ports).
 * {@code orderActions} is built on first use: most API calls never refund, so a container does not pay for the
 * SP-API client at start.
 */
record ApiApplication(TicketQueries queries, TicketCommands commands, ReplyService replies, TicketViews views,
                      Supplier<OrderActions> orderActions, MacroService macros, SettingsService settings,
                      SlaMetricsQueries metrics, ComplianceChecker compliance, Clock clock) {

    static ApiApplication of(ApiServices ports) {
        SettingsService settings = new SettingsService(ports.settings(), ports.defaultPolicy());
        return new ApiApplication(ports.queries(), ports.commands(),
                new ReplyService(ports.compliance(), ports.commands(), ports.dispatcher(), ports.outbound()),
                new TicketViews(ports.context(), ports.trackingRefresh()), ports.orderActions(),
                new MacroService(ports.compliance(), settings, ports.context()), settings,
                new SlaMetricsQueries(ports.responses(), ports.dailyMetrics(), ports.clock()), ports.compliance(),
                ports.clock());
    }
}
