package com.deskbridge.actions;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lambda entry points with test wiring: poison and foreign notifications, and the schedule catching lost triggers. */
class HandlersTest {

    private static SQSEvent event(String... bodies) {
        SQSEvent e = new SQSEvent();
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (int i = 0; i < bodies.length; i++) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId("m" + i);
            m.setBody(bodies[i]);
            records.add(m);
        }
        e.setRecords(records);
        return e;
    }

    @Test
    void notificationHandlerDeadLettersPoisonAndIgnoresOtherTypesAndUnknownFeeds() {
        try (Harness h = Harness.inMemory()) {
            List<String> dead = new ArrayList<>();
            ActionsWiring w = h.wiring;
            ActionsWiring withDlq = new ActionsWiring(w.orderActions(), w.submitter(), w.results(), w.poller(),
                    (message, reason, at) -> dead.add(reason), w.clock(), w.confirmations());
            var response = new FeedNotificationHandler(withDlq).handleRequest(event(
                    "not json",
                    "{\"notificationType\":\"ORDER_CHANGE\",\"payload\":{\"orderChangeNotification\":{\"amazonOrderId\":\"028-1234567-1234567\"}}}",
                    "{\"notificationType\":\"FEED_PROCESSING_FINISHED\",\"payload\":{\"feedProcessingFinishedNotification\":"
                            + "{\"sellerId\":\"" + h.sellerId + "\",\"feedId\":\"999\",\"feedType\":\"POST_PRODUCT_DATA\",\"processingStatus\":\"DONE\"}}}"),
                    null);
            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(dead).singleElement().asString().startsWith("not an SP-API notification");
        }
    }

    @Test
    void theScheduleSubmitsWhatALostTriggerLeftQueuedAndPolls() {
        try (Harness h = Harness.inMemory()) {
            String ticket = h.ticket();
            OrderAction a = ((ActionResult.Accepted) h.wiring.orderActions().requestRefund(h.sellerId, ticket, "agent", "key-lost-trigger-1",
                    RefundRequest.partial(Harness.orderId(90), AdjustmentReason.CustomerReturn, List.of(new RefundRequest.Line(
                            Harness.itemId(90, 2), 1, List.of(RefundRequest.ComponentAmount.of(RefundComponent.PRINCIPAL, "20.00", "EUR"))))),
                    null)).action();
            h.triggers.clear(); // the SQS send was lost
            String summary = new FeedScheduleHandler(h.wiring).handleRequest(null, null);
            assertThat(summary).contains("submitted=1");
            assertThat(h.action(ticket, a.actionId()).state()).isEqualTo(ActionState.SUBMITTED);
            h.passTime(Duration.ofMinutes(6));
            h.notifications.clear();
            assertThat(new FeedScheduleHandler(h.wiring).handleRequest(null, null)).contains("finished=1");
            assertThat(h.action(ticket, a.actionId()).state()).isEqualTo(ActionState.COMPLETED);
        }
    }
}
