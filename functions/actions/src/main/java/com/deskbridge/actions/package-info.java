/**
 * Refunds and cancellations from the ticket (GitHub issue 6): {@link com.deskbridge.actions.OrderActions} validates a
 * request against the live order and records it with one conditional write (idempotency key, action, order ledger);
 * {@link com.deskbridge.actions.FeedSubmitter} batches queued actions into Feeds API feeds within the seller's shared
 * createFeed budget, crash-safe through {@link com.deskbridge.actions.FeedAttempt}s;
 * {@link com.deskbridge.actions.FeedResults} and {@link com.deskbridge.actions.FeedPoller} write Amazon's verdict back;
 * every step lands in the ticket's hash-chained evidence log ({@link com.deskbridge.actions.AuditTrail}).
 * Lambda entry points: {@link com.deskbridge.actions.ActionsQueueHandler}, {@link com.deskbridge.actions.FeedScheduleHandler},
 * {@link com.deskbridge.actions.FeedNotificationHandler}.
 */
package com.deskbridge.actions;
