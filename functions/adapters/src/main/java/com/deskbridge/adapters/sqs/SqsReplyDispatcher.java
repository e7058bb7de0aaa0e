package com.deskbridge.adapters.sqs;

import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.domain.port.ReplyDispatcher;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@link ReplyDispatcher} on the outbound queue: one small message naming the reply; the sender reads the rest. */
public final class SqsReplyDispatcher implements ReplyDispatcher {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsReplyDispatcher(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    @Override
    public void dispatch(SellerId seller, TicketId ticket, String messageKey) {
        sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body(seller, ticket, messageKey))
                .messageAttributes(Correlation.attributes())); // the sender logs under the request's (the ticket's) id
    }

    /** The queue message: ids only (they are validated formats, so no JSON escaping is needed). */
    public static String body(SellerId seller, TicketId ticket, String messageKey) {
        return "{\"v\":1,\"sellerId\":\"" + seller.value() + "\",\"ticketId\":\"" + ticket.value()
                + "\",\"messageKey\":\"" + messageKey + "\"}";
    }
}
