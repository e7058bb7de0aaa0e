package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedType;
import com.deskbridge.orderactions.Money;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The {@code AmazonEnvelope} every XML feed shares (amzn-envelope / amzn-header schemas): Header with
 * DocumentVersion and MerchantIdentifier, MessageType, then one Message per action with MessageID. Written
 * with StAX so that escaping and well-formedness come from the XML library, never from string building.
 */
final class FeedXml {

    static final String DOCUMENT_VERSION = "1.01";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Pattern AMAZON_ORDER_ID = Pattern.compile("\\w{3}-\\w{7}-\\w{7}");
    private static final Pattern ORDER_ITEM_CODE = Pattern.compile("\\d{14}");
    private static final Pattern MESSAGE_ID = Pattern.compile("\\d{1,20}");
    /** amzn-base BaseCurrencyCode; other currencies are sent without the (optional) currency attribute. */
    static final Set<String> SCHEMA_CURRENCIES =
            Set.of("USD", "GBP", "EUR", "JPY", "CAD", "CNY", "INR", "MXN", "BRL", "AUD", "TRY", "SGD", "AED", "SAR", "EGP");

    /** Writes one message body; called with the writer positioned inside {@code <Message>} after MessageID. */
    interface Body<T> {
        void write(XMLStreamWriter w, T action) throws XMLStreamException;
    }

    private FeedXml() {
    }

    static <T> byte[] envelope(String merchantIdentifier, FeedType type, List<Numbered<T>> messages, Body<T> body) {
        if (merchantIdentifier == null || merchantIdentifier.isBlank() || merchantIdentifier.length() > 50) {
            throw new IllegalArgumentException("MerchantIdentifier must be 1 to 50 characters");
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a feed needs at least one message");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("AmazonEnvelope");
            w.writeNamespace("xsi", XSI);
            w.writeAttribute("xsi", XSI, "noNamespaceSchemaLocation", "amzn-envelope.xsd");
            w.writeStartElement("Header");
            text(w, "DocumentVersion", DOCUMENT_VERSION);
            text(w, "MerchantIdentifier", merchantIdentifier);
            w.writeEndElement();
            text(w, "MessageType", type.messageType());
            for (Numbered<T> m : messages) {
                w.writeStartElement("Message");
                text(w, "MessageID", messageId(m.messageId()));
                body.write(w, m.action());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write " + type.messageType() + " feed", e);
        }
        return out.toByteArray();
    }

    static void text(XMLStreamWriter w, String element, String value) throws XMLStreamException {
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }

    /** {@code <Amount currency="EUR">12.50</Amount>}; exactly two fraction digits, sign kept. */
    static void amount(XMLStreamWriter w, Money money) throws XMLStreamException {
        w.writeStartElement("Amount");
        if (SCHEMA_CURRENCIES.contains(money.currency())) {
            w.writeAttribute("currency", money.currency());
        }
        w.writeCharacters(money.plain());
        w.writeEndElement();
    }

    static String amazonOrderId(String orderId) {
        if (orderId == null || !AMAZON_ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("not an Amazon order id (3-7-7): " + orderId);
        }
        return orderId;
    }

    static String orderItemCode(String orderItemId) {
        if (orderItemId == null || !ORDER_ITEM_CODE.matcher(orderItemId).matches()) {
            throw new IllegalArgumentException("not an Amazon order item code (14 digits): " + orderItemId);
        }
        return orderItemId;
    }

    private static String messageId(long id) {
        String s = Long.toString(id);
        if (id < 1 || !MESSAGE_ID.matcher(s).matches()) {
            throw new IllegalArgumentException("MessageID must be a positive integer: " + id);
        }
        return s;
    }

    static String utf8(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }
}
