package com.deskbridge.orderactions.feed;

import static com.deskbridge.orderactions.Fixtures.ITEM_A;
import static com.deskbridge.orderactions.Fixtures.ITEM_B;
import static com.deskbridge.orderactions.Fixtures.ORDER;
import static com.deskbridge.orderactions.Fixtures.SELLER;
import static com.deskbridge.orderactions.feed.FeedSchema.assertValid;
import static com.deskbridge.orderactions.feed.FeedSchema.childNames;
import static com.deskbridge.orderactions.feed.FeedSchema.dom;
import static com.deskbridge.orderactions.feed.FeedSchema.elements;
import static com.deskbridge.orderactions.feed.FeedSchema.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.orderactions.CancelReason;
import com.deskbridge.orderactions.CancellationRequest;
import com.deskbridge.orderactions.Fixtures;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.OrderCancellationCommand;
import com.deskbridge.orderactions.Validation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The POST_ORDER_ACKNOWLEDGEMENT_DATA cancellation feed (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values), validated against our XSD. */
class OrderAcknowledgementFeedTest {

    static OrderCancellationCommand cancel(String orderId, CancelReason reason, String... items) {
        return new OrderCancellationCommand(SELLER, Fixtures.MARKETPLACE_DE, orderId, reason, List.of(items));
    }

    @Test
    void cancellationFromThePolicyIsAFailureAcknowledgementWithEveryItem() {
        var v = new OrderActionPolicy().validateCancellation(Fixtures.unshippedFbm(), new CancellationRequest(ORDER, CancelReason.NoInventory), SELLER);
        var cmd = (OrderCancellationCommand) ((Validation.Valid<?>) v).command();
        byte[] xml = OrderAcknowledgementFeed.build(SELLER, List.of(cmd));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(text(doc, "/AmazonEnvelope/Header/DocumentVersion")).isEqualTo("1.01");
        assertThat(text(doc, "/AmazonEnvelope/MessageType")).isEqualTo("OrderAcknowledgement");
        assertThat(childNames(elements(doc, "/AmazonEnvelope/Message").get(0))).containsExactly("MessageID", "OrderAcknowledgement");
        Element ack = elements(doc, "//OrderAcknowledgement").get(0);
        assertThat(childNames(ack)).containsExactly("AmazonOrderID", "StatusCode", "Item", "Item");
        assertThat(text(doc, "//OrderAcknowledgement/StatusCode")).isEqualTo("Failure");
        assertThat(childNames(elements(doc, "//Item").get(0))).containsExactly("AmazonOrderItemCode", "CancelReason");
        assertThat(elements(doc, "//Item/AmazonOrderItemCode").stream().map(Element::getTextContent)).containsExactly(ITEM_A, ITEM_B);
        assertThat(elements(doc, "//Item/CancelReason").stream().map(Element::getTextContent)).containsExactly("NoInventory", "NoInventory");
    }

    @ParameterizedTest
    @EnumSource(CancelReason.class)
    void everyCancelReasonIsASchemaValue(CancelReason reason) {
        byte[] xml = OrderAcknowledgementFeed.build(SELLER, List.of(cancel(ORDER, reason, ITEM_A)));
        assertValid(xml);
        assertThat(text(dom(xml), "//CancelReason")).isEqualTo(reason.name());
    }

    @Test
    void manyCancellationsInOneFeed() {
        byte[] xml = OrderAcknowledgementFeed.build(SELLER, List.of(
                cancel("028-1111111-1111111", CancelReason.BuyerCanceled, ITEM_A),
                cancel("028-2222222-2222222", CancelReason.ShippingAddressUndeliverable, ITEM_A, ITEM_B),
                cancel("028-3333333-3333333", CancelReason.NoInventory, ITEM_B)));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(elements(doc, "/AmazonEnvelope/Message/MessageID").stream().map(Element::getTextContent)).containsExactly("1", "2", "3");
        assertThat(elements(doc, "//Message[2]//Item").size()).isEqualTo(2);
    }

    @Test
    void numberedMessagesKeepTheirIds() {
        byte[] xml = OrderAcknowledgementFeed.buildNumbered(SELLER, List.of(
                new Numbered<>(7, cancel(ORDER, CancelReason.BuyerCanceled, ITEM_A))));
        assertValid(xml);
        assertThat(text(dom(xml), "//MessageID")).isEqualTo("7");
    }
}
