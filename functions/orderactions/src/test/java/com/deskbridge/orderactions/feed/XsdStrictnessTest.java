package com.deskbridge.orderactions.feed;

import static com.deskbridge.orderactions.Fixtures.ITEM_A;
import static com.deskbridge.orderactions.Fixtures.ORDER;
import static com.deskbridge.orderactions.Fixtures.SELLER;
import static com.deskbridge.orderactions.feed.FeedSchema.assertInvalid;
import static com.deskbridge.orderactions.feed.FeedSchema.assertValid;
import static com.deskbridge.orderactions.feed.FeedSchema.dom;
import static com.deskbridge.orderactions.feed.FeedSchema.elements;
import static com.deskbridge.orderactions.feed.FeedSchema.serialize;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundComponent;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Proves the test XSDs are strict: a valid generated feed is mutated in one place (wrong order, bad enum, bad
 * amount, missing element) and must then fail validation. Without this a lax schema would pass anything.
 */
class XsdStrictnessTest {

    private static byte[] adjustment() {
        return OrderAdjustmentFeed.build(SELLER, List.of(OrderAdjustmentFeedTest.refund(ORDER, AdjustmentReason.CustomerReturn,
                new AdjustedItem(ITEM_A, 1, List.of(OrderAdjustmentFeedTest.comp(RefundComponent.PRINCIPAL, "10.00"),
                        OrderAdjustmentFeedTest.comp(RefundComponent.TAX, "1.90"))))));
    }

    private static byte[] acknowledgement() {
        return OrderAcknowledgementFeed.build(SELLER, List.of(OrderAcknowledgementFeedTest.cancel(ORDER, CancelReason.NoInventory, ITEM_A)));
    }

    private static byte[] mutate(byte[] xml, Consumer<Document> change) {
        Document doc = dom(xml);
        change.accept(doc);
        return serialize(doc);
    }

    private static Element first(Document doc, String xpath) {
        return elements(doc, xpath).get(0);
    }

    private static void setText(Document doc, String xpath, String value) {
        first(doc, xpath).setTextContent(value);
    }

    @Test
    void generatedFeedsAreValidBeforeMutation() {
        assertValid(adjustment());
        assertValid(acknowledgement());
        assertValid(mutate(adjustment(), d -> { }));
    }

    @Test
    void wrongElementOrderFails() {
        assertInvalid(mutate(adjustment(), d -> {
            Element item = first(d, "//AdjustedItem");
            Element reason = first(d, "//AdjustmentReason");
            item.insertBefore(reason, item.getFirstChild());
        }), "AdjustmentReason");
        assertInvalid(mutate(adjustment(), d -> {
            Element item = first(d, "//AdjustedItem");
            item.insertBefore(first(d, "//Quantity"), first(d, "//ItemPriceAdjustments"));
        }), "ItemPriceAdjustments");
        assertInvalid(mutate(adjustment(), d -> {
            Element component = first(d, "//Component");
            component.insertBefore(first(d, "//Component/Amount"), first(d, "//Component/Type"));
        }), "Amount");
        assertInvalid(mutate(adjustment(), d -> {
            Element root = d.getDocumentElement();
            root.insertBefore(first(d, "/AmazonEnvelope/MessageType"), first(d, "/AmazonEnvelope/Header"));
        }), "MessageType");
        assertInvalid(mutate(acknowledgement(), d -> {
            Element ack = first(d, "//OrderAcknowledgement");
            ack.insertBefore(first(d, "//StatusCode"), first(d, "//OrderAcknowledgement/AmazonOrderID"));
        }), "StatusCode");
    }

    @Test
    void badEnumerationValuesFail() {
        assertInvalid(mutate(adjustment(), d -> setText(d, "//AdjustmentReason", "Refunded")), "Refunded");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//Component/Type", "Discount")), "Discount");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//ActionType", "Return")), "Return");
        assertInvalid(mutate(adjustment(), d -> setText(d, "/AmazonEnvelope/MessageType", "Adjustment")), "Adjustment");
        assertInvalid(mutate(adjustment(), d -> first(d, "//Amount").setAttribute("currency", "XXX")), "XXX");
        assertInvalid(mutate(acknowledgement(), d -> setText(d, "//CancelReason", "OutOfStock")), "OutOfStock");
        assertInvalid(mutate(acknowledgement(), d -> setText(d, "//StatusCode", "Cancelled")), "Cancelled");
    }

    @Test
    void badAmountsAndIdsFail() {
        assertInvalid(mutate(adjustment(), d -> setText(d, "//Amount", "10.005")), "10.005");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//Amount", "10,00")), "10,00");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//Quantity", "0")), "'0'");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//MessageID", "0")), "'0'");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//AmazonOrderItemCode", "1234")), "1234");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//OrderAdjustment/AmazonOrderID", "1234567")), "1234567");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//DocumentVersion", "v1")), "v1");
        assertInvalid(mutate(adjustment(), d -> setText(d, "//MerchantIdentifier", "M".repeat(51))), "MerchantIdentifier");
    }

    @Test
    void missingRequiredElementsFail() {
        assertInvalid(mutate(adjustment(), d -> first(d, "//AdjustedItem").removeChild(first(d, "//AdjustmentReason"))), "AdjustmentReason");
        assertInvalid(mutate(adjustment(), d -> first(d, "/AmazonEnvelope/Message").removeChild(first(d, "//MessageID"))), "MessageID");
        assertInvalid(mutate(adjustment(), d -> first(d, "//OrderAdjustment").removeChild(first(d, "//AdjustedItem"))), "AdjustedItem");
        assertInvalid(mutate(acknowledgement(), d -> first(d, "//OrderAcknowledgement").removeChild(first(d, "//StatusCode"))), "StatusCode");
        assertInvalid(mutate(adjustment(), d -> d.getDocumentElement().removeChild(first(d, "/AmazonEnvelope/Header"))), "Header");
    }

    @Test
    void unknownElementsFail() {
        assertInvalid(mutate(adjustment(), d -> first(d, "//AdjustedItem").appendChild(d.createElement("Comment"))), "Comment");
    }
}
