package com.deskbridge.logistics;

/**
 * The tracking API a carrier's numbers are fetched from. Carriers without a direct adapter share the aggregator,
 * and so share its quota: budgets ({@link CarrierBudgets}) and refresh plans ({@link RefreshPlanner}) are per upstream.
 */
public enum TrackingUpstream {
    DHL, UPS, FEDEX, USPS, DPD, AGGREGATOR
}
