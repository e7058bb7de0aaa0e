package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.OrderCancellationCommand;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Builds a {@code POST_ORDER_ACKNOWLEDGEMENT_DATA} feed that cancels orders: an AmazonEnvelope of MessageType
 * OrderAcknowledgement, one message per order with {@code StatusCode=Failure} and each item listed with its
 * CancelReason (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values; element order AmazonOrderID, StatusCode, Item(AmazonOrderItemCode,
 * CancelReason) per Amazon's OrderAcknowledgement schema).
 */
public final class OrderAcknowledgementFeed {

    private OrderAcknowledgementFeed() {
    }

    /** One message per cancellation, MessageIDs 1..n in list order. */
    public static byte[] build(String merchantIdentifier, List<OrderCancellationCommand> cancellations) {
        List<Numbered<OrderCancellationCommand>> numbered = new ArrayList<>();
        for (int i = 0; i < cancellations.size(); i++) {
            numbered.add(new Numbered<>(i + 1, cancellations.get(i)));
        }
        return buildNumbered(merchantIdentifier, numbered);
    }

    /** One message per cancellation with the MessageIDs given (as assigned by {@link FeedBatcher}). */
    public static byte[] buildNumbered(String merchantIdentifier, List<Numbered<OrderCancellationCommand>> cancellations) {
        return FeedXml.envelope(merchantIdentifier, FeedType.POST_ORDER_ACKNOWLEDGEMENT_DATA, cancellations,
                OrderAcknowledgementFeed::message);
    }

    private static void message(XMLStreamWriter w, OrderCancellationCommand cancel) throws XMLStreamException {
        w.writeStartElement("OrderAcknowledgement");
        FeedXml.text(w, "AmazonOrderID", FeedXml.amazonOrderId(cancel.orderId()));
        FeedXml.text(w, "StatusCode", "Failure");
        for (String itemId : cancel.orderItemIds()) {
            w.writeStartElement("Item");
            FeedXml.text(w, "AmazonOrderItemCode", FeedXml.orderItemCode(itemId));
            FeedXml.text(w, "CancelReason", cancel.reason().feedValue());
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
