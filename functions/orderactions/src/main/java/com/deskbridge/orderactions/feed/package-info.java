/**
 * Amazon XML feeds for order actions (sources: functions/orderactions/README.md): the OrderAdjustment and OrderAcknowledgement
 * envelopes built with StAX, the batching of pending actions into few feeds under the createFeed limit, and the
 * processing report read back per MessageID. The XSDs the tests validate against are Deskbridge's own, written from
 * Amazon's published schemas (src/test/resources/xsd).
 */
package com.deskbridge.orderactions.feed;
