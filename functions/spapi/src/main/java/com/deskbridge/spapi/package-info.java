/**
 * Selling Partner API client for Deskbridge (GitHub issue 4 "Logistics data link", Amazon part; Feeds for issue 6).
 *
 * <p>Wiring: {@code new SpApiClient(httpClient, clock, Sleeper.REAL, secretSource, new InMemoryQuotaProvider(clock),
 * SpApiEndpoints.production())} once per container, then per seller a {@link com.deskbridge.spapi.SellerAccount}
 * (seller id, name of the secret holding {@code client_id}/{@code client_secret}/{@code refresh_token}, region).
 * {@code client.orders().getOrder(seller, orderId)} reads an order (v2026-01-01, v0 fallback);
 * {@code client.fulfillmentOutbound()} reads MCF orders and tracking; {@code client.feeds()} submits XML feeds and
 * reads processing reports; {@code client.reports().fbaShipments(seller, marketplaceId, from, to)} reads the FBA
 * shipments report (carrier and tracking numbers of FBA orders, kept 30 minutes per seller in memory); {@link com.deskbridge.spapi.SpApiNotifications#parse} reads SQS notification bodies.
 * Locally, {@code SpApiEndpoints.local(simulator.baseUrl(), simulator.lwaUrl())} points everything at
 * {@code com.deskbridge.sim.spapi.SpApiSimulator}. Facts, limits and their sources: functions/spapi/README.md.
 */
package com.deskbridge.spapi;
