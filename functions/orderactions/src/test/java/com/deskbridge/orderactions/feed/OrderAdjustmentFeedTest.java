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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.orderactions.AdjustmentReason;
import com.deskbridge.orderactions.Fixtures;
import com.deskbridge.orderactions.Money;
import com.deskbridge.orderactions.OrderActionPolicy;
import com.deskbridge.orderactions.RefundCommand;
import com.deskbridge.orderactions.RefundCommand.AdjustedItem;
import com.deskbridge.orderactions.RefundCommand.ComponentAdjustment;
import com.deskbridge.orderactions.RefundComponent;
import com.deskbridge.orderactions.RefundRequest;
import com.deskbridge.orderactions.Validation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The POST_PAYMENT_ADJUSTMENT_DATA feed (https://developer-docs.amazon.com/sp-api/docs/order-feed-type-values), validated against our XSD for every variant. */
class OrderAdjustmentFeedTest {

    static RefundCommand refund(String orderId, AdjustmentReason reason, AdjustedItem... items) {
        return new RefundCommand(SELLER, Fixtures.MARKETPLACE_DE, orderId, "EUR", reason, List.of(items));
    }

    static ComponentAdjustment comp(RefundComponent c, String amount) {
        return new ComponentAdjustment(c, Money.of(amount, "EUR"));
    }

    private static RefundCommand fullRefundOfFixtureOrder() {
        Validation<RefundCommand> v = new OrderActionPolicy().validateRefund(Fixtures.shippedFbm(),
                RefundRequest.full(ORDER, AdjustmentReason.CustomerReturn), SELLER);
        return ((Validation.Valid<RefundCommand>) v).command();
    }

    @Test
    void fullRefundOfAMultiItemOrder() {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(fullRefundOfFixtureOrder()));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(doc.getXmlEncoding()).isEqualTo("UTF-8");
        assertThat(childNames(doc.getDocumentElement())).containsExactly("Header", "MessageType", "Message");
        assertThat(text(doc, "/AmazonEnvelope/Header/DocumentVersion")).isEqualTo("1.01");
        assertThat(text(doc, "/AmazonEnvelope/Header/MerchantIdentifier")).isEqualTo(SELLER);
        assertThat(text(doc, "/AmazonEnvelope/MessageType")).isEqualTo("OrderAdjustment");
        assertThat(text(doc, "/AmazonEnvelope/Message/MessageID")).isEqualTo("1");
        Element adjustment = elements(doc, "/AmazonEnvelope/Message/OrderAdjustment").get(0);
        assertThat(childNames(adjustment)).containsExactly("AmazonOrderID", "ActionType", "AdjustedItem", "AdjustedItem");
        assertThat(text(doc, "//OrderAdjustment/AmazonOrderID")).isEqualTo(ORDER);
        assertThat(text(doc, "//OrderAdjustment/ActionType")).isEqualTo("Refund");
        Element first = elements(doc, "//AdjustedItem").get(0);
        assertThat(childNames(first)).containsExactly("AmazonOrderItemCode", "AdjustmentReason", "ItemPriceAdjustments", "Quantity");
        assertThat(text(doc, "//AdjustedItem[1]/AmazonOrderItemCode")).isEqualTo(ITEM_A);
        assertThat(text(doc, "//AdjustedItem[1]/AdjustmentReason")).isEqualTo("CustomerReturn");
        assertThat(text(doc, "//AdjustedItem[1]/Quantity")).isEqualTo("2");
        assertThat(elements(doc, "//AdjustedItem[1]/ItemPriceAdjustments/Component").stream()
                .map(c -> c.getElementsByTagName("Type").item(0).getTextContent() + "="
                        + c.getElementsByTagName("Amount").item(0).getTextContent() + " "
                        + ((Element) c.getElementsByTagName("Amount").item(0)).getAttribute("currency")))
                .containsExactly("Principal=40.00 EUR", "Shipping=5.00 EUR", "Tax=7.60 EUR", "ShippingTax=0.95 EUR");
        assertThat(text(doc, "//AdjustedItem[2]/AmazonOrderItemCode")).isEqualTo(ITEM_B);
        assertThat(elements(doc, "//AdjustedItem[2]/ItemPriceAdjustments/Component/Type").stream().map(Element::getTextContent))
                .containsExactly("Principal", "Tax");
        assertThat(elements(doc, "//Component").get(0).getElementsByTagName("Type").item(0).getNextSibling().getNodeName())
                .isEqualTo("Amount");
    }

    @ParameterizedTest
    @EnumSource(value = RefundComponent.class, names = "RESTOCKING_FEE", mode = EnumSource.Mode.EXCLUDE)
    void partialRefundWithEachComponent(RefundComponent component) {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(
                refund(ORDER, AdjustmentReason.GeneralAdjustment, new AdjustedItem(ITEM_A, 1, List.of(comp(component, "3.5"))))));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(text(doc, "//Component/Type")).isEqualTo(component.feedType());
        assertThat(text(doc, "//Component/Amount")).isEqualTo("3.50");
    }

    @Test
    void restockingFeeIsANegativeRestockingFeeComponent() {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(refund(ORDER, AdjustmentReason.CustomerReturn,
                new AdjustedItem(ITEM_A, 2, List.of(comp(RefundComponent.RESTOCKING_FEE, "8"), comp(RefundComponent.PRINCIPAL, "40"))))));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(elements(doc, "//Component").stream().map(c -> c.getTextContent())).containsExactly("Principal40.00", "RestockingFee-8.00");
    }

    @Test
    void goodwillIsAnItemPriceComponentWithoutQuantity() {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(refund(ORDER, AdjustmentReason.GeneralAdjustment,
                new AdjustedItem(ITEM_B, null, List.of(comp(RefundComponent.GOODWILL, "5.00"))))));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(childNames(elements(doc, "//AdjustedItem").get(0)))
                .containsExactly("AmazonOrderItemCode", "AdjustmentReason", "ItemPriceAdjustments");
        assertThat(text(doc, "//ItemPriceAdjustments/Component/Type")).isEqualTo("Goodwill");
    }

    @ParameterizedTest
    @EnumSource(AdjustmentReason.class)
    void everyAdjustmentReasonIsASchemaValue(AdjustmentReason reason) {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(refund(ORDER, reason,
                new AdjustedItem(ITEM_A, 1, List.of(comp(RefundComponent.PRINCIPAL, "1.00"))))));
        assertValid(xml);
        assertThat(text(dom(xml), "//AdjustmentReason")).isEqualTo(reason.name());
    }

    @Test
    void manyRefundsInOneFeedAreNumberedOneToN() {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(
                refund("028-1111111-1111111", AdjustmentReason.CustomerReturn, new AdjustedItem(ITEM_A, 1, List.of(comp(RefundComponent.PRINCIPAL, "1.00")))),
                refund("028-2222222-2222222", AdjustmentReason.PriceError, new AdjustedItem(ITEM_B, null, List.of(comp(RefundComponent.PRINCIPAL, "2.00")))),
                fullRefundOfFixtureOrder()));
        assertValid(xml);
        Document doc = dom(xml);
        assertThat(elements(doc, "/AmazonEnvelope/Message/MessageID").stream().map(Element::getTextContent)).containsExactly("1", "2", "3");
        assertThat(elements(doc, "/AmazonEnvelope/Message/OrderAdjustment/AmazonOrderID").stream().map(Element::getTextContent))
                .containsExactly("028-1111111-1111111", "028-2222222-2222222", ORDER);
    }

    @Test
    void everyAmountHasExactlyTwoDecimals() {
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(refund(ORDER, AdjustmentReason.CustomerReturn,
                new AdjustedItem(ITEM_A, 2, List.of(comp(RefundComponent.PRINCIPAL, "1234567.5"), comp(RefundComponent.TAX, "0.1"),
                        comp(RefundComponent.SHIPPING, "12"))))));
        assertValid(xml);
        assertThat(elements(dom(xml), "//Amount").stream().map(Element::getTextContent))
                .containsExactly("1234567.50", "12.00", "0.10")
                .allMatch(s -> s.matches("-?\\d+\\.\\d{2}"));
    }

    @Test
    void currenciesOutsideTheSchemaListAreSentWithoutTheOptionalAttribute() {
        RefundCommand sek = new RefundCommand(SELLER, "A2NODRKZP88ZB9", ORDER, "SEK", AdjustmentReason.CustomerReturn,
                List.of(new AdjustedItem(ITEM_A, 1, List.of(new ComponentAdjustment(RefundComponent.PRINCIPAL, Money.of("99.00", "SEK"))))));
        byte[] xml = OrderAdjustmentFeed.build(SELLER, List.of(sek));
        assertValid(xml);
        assertThat(elements(dom(xml), "//Amount").get(0).hasAttribute("currency")).isFalse();
        RefundCommand gbp = new RefundCommand(SELLER, "A1F83G8C2ARO7P", ORDER, "GBP", AdjustmentReason.CustomerReturn,
                List.of(new AdjustedItem(ITEM_A, 1, List.of(new ComponentAdjustment(RefundComponent.PRINCIPAL, Money.of("9.99", "GBP"))))));
        assertThat(elements(dom(OrderAdjustmentFeed.build(SELLER, List.of(gbp))), "//Amount").get(0).getAttribute("currency")).isEqualTo("GBP");
    }

    @Test
    void markupInTheMerchantIdentifierIsEscapedByTheXmlLibrary() {
        byte[] xml = OrderAdjustmentFeed.build("A&B<C>\"é", List.of(fullRefundOfFixtureOrder()));
        assertValid(xml);
        assertThat(text(dom(xml), "/AmazonEnvelope/Header/MerchantIdentifier")).isEqualTo("A&B<C>\"é");
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("A&amp;B&lt;C&gt;");
    }

    @Test
    void refusesIdsAmazonWouldReject() {
        assertThatThrownBy(() -> OrderAdjustmentFeed.build(SELLER, List.of(refund("123", AdjustmentReason.CustomerReturn,
                new AdjustedItem(ITEM_A, 1, List.of(comp(RefundComponent.PRINCIPAL, "1.00")))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order id");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build(SELLER, List.of(refund(ORDER, AdjustmentReason.CustomerReturn,
                new AdjustedItem("ABC", 1, List.of(comp(RefundComponent.PRINCIPAL, "1.00")))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("item code");
        assertThatThrownBy(() -> OrderAdjustmentFeed.build("", List.of(fullRefundOfFixtureOrder())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrderAdjustmentFeed.build(SELLER, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameInputSameBytes() {
        assertThat(OrderAdjustmentFeed.build(SELLER, List.of(fullRefundOfFixtureOrder())))
                .isEqualTo(OrderAdjustmentFeed.build(SELLER, List.of(fullRefundOfFixtureOrder())));
    }
}
