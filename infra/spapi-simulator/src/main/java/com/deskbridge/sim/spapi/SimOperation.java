package com.deskbridge.sim.spapi;

import java.util.Arrays;
import java.util.Optional;

/**
 * The operations the simulator serves, with Amazon's documented per-operation rate (requests per second)
 * and burst (as stated in Amazon's models ordersV0.json, orders_2026-01-01.json, fulfillmentOutbound_2020-07-01.json,
 * feeds_2021-06-30.json and reports_2021-06-30.json). The id is what {@link SpApiSimulator#callCount(String)} and fault injection use.
 */
enum SimOperation {
    LWA_TOKEN("lwa.token", 0, 0),
    ORDERS_GET_ORDER("orders.getOrder", 0.5, 30),
    ORDERS_V0_GET_ORDER("ordersV0.getOrder", 0.5, 30),
    ORDERS_V0_GET_ORDER_ITEMS("ordersV0.getOrderItems", 0.5, 30),
    FBA_GET_FULFILLMENT_ORDER("fba.getFulfillmentOrder", 2, 30),
    FBA_GET_PACKAGE_TRACKING_DETAILS("fba.getPackageTrackingDetails", 2, 30),
    FBA_CANCEL_FULFILLMENT_ORDER("fba.cancelFulfillmentOrder", 2, 30),
    FEEDS_CREATE_FEED_DOCUMENT("feeds.createFeedDocument", 0.5, 15),
    FEEDS_CREATE_FEED("feeds.createFeed", 0.0083, 15),
    FEEDS_GET_FEED("feeds.getFeed", 2, 15),
    FEEDS_CANCEL_FEED("feeds.cancelFeed", 2, 15),
    FEEDS_GET_FEED_DOCUMENT("feeds.getFeedDocument", 0.0222, 10),
    REPORTS_CREATE_REPORT("reports.createReport", 0.0167, 15),
    REPORTS_GET_REPORT("reports.getReport", 2, 15),
    REPORTS_GET_REPORT_DOCUMENT("reports.getReportDocument", 0.0167, 15),
    /** Rate 1, burst 5 (solicitations.json). */
    SOLICITATIONS_GET_ACTIONS("solicitations.getSolicitationActionsForOrder", 1, 5),
    SOLICITATIONS_CREATE_REVIEW("solicitations.createProductReviewAndSellerFeedbackSolicitation", 1, 5),
    /**
     * Notifications API v1 (notifications.json): rate 1, burst 5 each; createDestination and getDestinations are
     * grantless (https://developer-docs.amazon.com/sp-api/docs/grantless-operations).
     */
    NOTIFICATIONS_CREATE_DESTINATION("notifications.createDestination", 1, 5),
    NOTIFICATIONS_GET_DESTINATIONS("notifications.getDestinations", 1, 5),
    NOTIFICATIONS_CREATE_SUBSCRIPTION("notifications.createSubscription", 1, 5),
    NOTIFICATIONS_GET_SUBSCRIPTION("notifications.getSubscription", 1, 5),
    /** Seller Central's consent page (the website authorization workflow); a browser redirect, not an API call. */
    CONSENT("sellercentral.consent", 0, 0),
    DOCUMENT_UPLOAD("document.upload", 0, 0),
    DOCUMENT_DOWNLOAD("document.download", 0, 0);

    final String id;
    final double rate;
    final int burst;

    SimOperation(String id, double rate, int burst) {
        this.id = id;
        this.rate = rate;
        this.burst = burst;
    }

    /** Called with a grantless access token (client_credentials), not a seller's. */
    boolean grantless() {
        return this == NOTIFICATIONS_CREATE_DESTINATION || this == NOTIFICATIONS_GET_DESTINATIONS;
    }

    /** Operations with a rate of 0 (LWA, the pre-signed document URLs) are not throttled here. */
    boolean throttled() {
        return rate > 0;
    }

    static Optional<SimOperation> byId(String id) {
        return Arrays.stream(values()).filter(o -> o.id.equals(id)).findFirst();
    }
}
