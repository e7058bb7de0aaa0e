package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundCommand.ComponentAdjustment;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Builds a {@code POST_PAYMENT_ADJUSTMENT_DATA} feed: an AmazonEnvelope of MessageType OrderAdjustment, one
 * message per refund (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values). Element order follows Amazon's OrderAdjustment schema:
 * AmazonOrderID, ActionType (Refund), then per item AmazonOrderItemCode, AdjustmentReason,
 * ItemPriceAdjustments/Component(Type, Amount)..., Quantity. Goodwill is an ItemPriceAdjustments component
 * (the schema's PromotionAdjustments only take Principal/Shipping promotion types); a restocking fee is a
 * negative RestockingFee component. Amounts are line totals with two decimals, e.g. {@code 12.50}.
 */
public final class OrderAdjustmentFeed {

    private OrderAdjustmentFeed() {
    }

    /** One message per refund, MessageIDs 1..n in list order. */
    public static byte[] build(String merchantIdentifier, List<RefundCommand> refunds) {
        List<Numbered<RefundCommand>> numbered = new ArrayList<>();
        for (int i = 0; i < refunds.size(); i++) {
            numbered.add(new Numbered<>(i + 1, refunds.get(i)));
        }
        return buildNumbered(merchantIdentifier, numbered);
    }

    /** One message per refund with the MessageIDs given (as assigned by {@link FeedBatcher}). */
    public static byte[] buildNumbered(String merchantIdentifier, List<Numbered<RefundCommand>> refunds) {
        return FeedXml.envelope(merchantIdentifier, FeedType.POST_PAYMENT_ADJUSTMENT_DATA, refunds, OrderAdjustmentFeed::message);
    }

    private static void message(XMLStreamWriter w, RefundCommand refund) throws XMLStreamException {
        w.writeStartElement("OrderAdjustment");
        FeedXml.text(w, "AmazonOrderID", FeedXml.amazonOrderId(refund.orderId()));
        FeedXml.text(w, "ActionType", "Refund");
        for (AdjustedItem item : refund.items()) {
            w.writeStartElement("AdjustedItem");
            FeedXml.text(w, "AmazonOrderItemCode", FeedXml.orderItemCode(item.orderItemId()));
            FeedXml.text(w, "AdjustmentReason", refund.reason().feedValue());
            w.writeStartElement("ItemPriceAdjustments");
            for (ComponentAdjustment c : item.components()) {
                w.writeStartElement("Component");
                FeedXml.text(w, "Type", c.component().feedType());
                FeedXml.amount(w, c.signedAmount());
                w.writeEndElement();
            }
            w.writeEndElement();
            if (item.quantity() != null) {
                FeedXml.text(w, "Quantity", Integer.toString(item.quantity()));
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
