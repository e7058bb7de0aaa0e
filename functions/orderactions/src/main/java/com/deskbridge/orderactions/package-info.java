/**
 * Refunds and cancellations from the ticket (GitHub issue 6, product.md §3): the rules that check an action
 * against the live order before anything is sent ({@link com.deskbridge.orderactions.OrderActionPolicy}), and the
 * validated commands that result. Pure Java, no I/O; the caller loads the order, keeps the queue and talks to
 * SP-API. Feed XML, batching and processing reports are in {@link com.deskbridge.orderactions.feed}.
 */
package com.deskbridge.orderactions;
