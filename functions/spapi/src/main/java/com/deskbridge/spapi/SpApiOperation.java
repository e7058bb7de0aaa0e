package com.deskbridge.spapi;

/**
 * The SP-API operations Deskbridge calls, each with Amazon's documented usage plan: sustained rate in
 * requests per second and burst (each model's operation description; https://developer-docs.amazon.com/sp-api/docs/usage-plans-and-rate-limits, https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits).
 * Client-side quotas ({@link QuotaProvider}) are built from these numbers so that we stay under Amazon's
 * limits instead of collecting 429s. The id matches the simulator's operation names.
 */
public enum SpApiOperation {
    ORDERS_GET_ORDER("orders.getOrder", 0.5, 30),
    ORDERS_SEARCH_ORDERS("orders.searchOrders", 0.0056, 20),
    ORDERS_V0_GET_ORDER("ordersV0.getOrder", 0.5, 30),
    ORDERS_V0_GET_ORDER_ITEMS("ordersV0.getOrderItems", 0.5, 30),
    FBA_GET_FULFILLMENT_ORDER("fba.getFulfillmentOrder", 2, 30),
    FBA_GET_PACKAGE_TRACKING_DETAILS("fba.getPackageTrackingDetails", 2, 30),
    FBA_CANCEL_FULFILLMENT_ORDER("fba.cancelFulfillmentOrder", 2, 30),
    FEEDS_CREATE_FEED_DOCUMENT("feeds.createFeedDocument", 0.5, 15),
    FEEDS_CREATE_FEED("feeds.createFeed", 0.0083, 15),
    FEEDS_GET_FEED("feeds.getFeed", 2, 15),
    FEEDS_GET_FEEDS("feeds.getFeeds", 0.0222, 10),
    FEEDS_CANCEL_FEED("feeds.cancelFeed", 2, 15),
    FEEDS_GET_FEED_DOCUMENT("feeds.getFeedDocument", 0.0222, 10),
    /** Reports 2021-06-30: usage plans as stated in Amazon's reports_2021-06-30.json (amzn/selling-partner-api-models). */
    REPORTS_CREATE_REPORT("reports.createReport", 0.0167, 15),
    REPORTS_GET_REPORT("reports.getReport", 2, 15),
    REPORTS_GET_REPORT_DOCUMENT("reports.getReportDocument", 0.0167, 15),
    /** Rate 1, burst 5 (solicitations.json, operation getSolicitationActionsForOrder). */
    SOLICITATIONS_GET_ACTIONS("solicitations.getSolicitationActionsForOrder", 1, 5),
    /** Rate 1, burst 5 (solicitations.json, operation createProductReviewAndSellerFeedbackSolicitation). */
    SOLICITATIONS_CREATE_REVIEW("solicitations.createProductReviewAndSellerFeedbackSolicitation", 1, 5),
    /** Rate 1, burst 5 each (notifications.json: createDestination, getDestinations, createSubscription, getSubscription). */
    NOTIFICATIONS_CREATE_DESTINATION("notifications.createDestination", 1, 5),
    NOTIFICATIONS_GET_DESTINATIONS("notifications.getDestinations", 1, 5),
    NOTIFICATIONS_CREATE_SUBSCRIPTION("notifications.createSubscription", 1, 5),
    NOTIFICATIONS_GET_SUBSCRIPTION("notifications.getSubscription", 1, 5);

    private final String id;
    private final double ratePerSecond;
    private final int burst;

    SpApiOperation(String id, double ratePerSecond, int burst) {
        this.id = id;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    public String id() {
        return id;
    }

    public double ratePerSecond() {
        return ratePerSecond;
    }

    public int burst() {
        return burst;
    }
}
