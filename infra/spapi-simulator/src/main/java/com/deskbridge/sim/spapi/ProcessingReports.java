package com.deskbridge.sim.spapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** Builds Amazon's XML ProcessingReport for an uploaded feed envelope (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed). */
final class ProcessingReports {

    private ProcessingReports() {
    }

    static byte[] report(String feedId, String sellerId, String feedType, byte[] feed, SimWorld world) {
        List<String[]> errors = new ArrayList<>();
        int processed = 0;
        try {
            Element root = parse(feed);
            NodeList children = root.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                Node n = children.item(i);
                if (n instanceof Element message && message.getTagName().equals("Message")) {
                    processed++;
                    String messageId = childText(message, "MessageID");
                    String orderId = descendantText(message, "AmazonOrderID");
                    Optional<SimWorld.MessageError> error = world.messageErrors.stream()
                            .filter(e -> e.matches(feedType, orderId, messageId)).findFirst();
                    if (error.isPresent()) {
                        SimWorld.MessageError e = error.get();
                        errors.add(new String[] {messageId, e.resultCode(), String.valueOf(e.resultMessageCode()), e.description(), orderId});
                    } else {
                        applySuccess(message, orderId, world);
                    }
                }
            }
        } catch (Exception e) {
            errors.add(new String[] {"0", "Error", "5000", "The XML you submitted is ill-formed at the Amazon Envelope XML level.", null});
        }
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<AmazonEnvelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"amzn-envelope.xsd\">\n");
        x.append("  <Header><DocumentVersion>1.02</DocumentVersion><MerchantIdentifier>").append(esc(sellerId)).append("</MerchantIdentifier></Header>\n");
        x.append("  <MessageType>ProcessingReport</MessageType>\n");
        x.append("  <Message>\n    <MessageID>1</MessageID>\n    <ProcessingReport>\n");
        x.append("      <DocumentTransactionID>").append(esc(feedId)).append("</DocumentTransactionID>\n");
        x.append("      <StatusCode>Complete</StatusCode>\n");
        long withError = errors.stream().filter(e -> e[1].equals("Error")).count();
        long withWarning = errors.size() - withError;
        x.append("      <ProcessingSummary>\n");
        x.append("        <MessagesProcessed>").append(processed).append("</MessagesProcessed>\n");
        x.append("        <MessagesSuccessful>").append(processed - withError).append("</MessagesSuccessful>\n");
        x.append("        <MessagesWithError>").append(withError).append("</MessagesWithError>\n");
        x.append("        <MessagesWithWarning>").append(withWarning).append("</MessagesWithWarning>\n");
        x.append("      </ProcessingSummary>\n");
        for (String[] e : errors) {
            x.append("      <Result>\n");
            x.append("        <MessageID>").append(esc(e[0])).append("</MessageID>\n");
            x.append("        <ResultCode>").append(esc(e[1])).append("</ResultCode>\n");
            x.append("        <ResultMessageCode>").append(esc(e[2])).append("</ResultMessageCode>\n");
            x.append("        <ResultDescription>").append(esc(e[3])).append("</ResultDescription>\n");
            if (e[4] != null) {
                x.append("        <AdditionalInfo><AmazonOrderID>").append(esc(e[4])).append("</AmazonOrderID></AdditionalInfo>\n");
            }
            x.append("      </Result>\n");
        }
        x.append("    </ProcessingReport>\n  </Message>\n</AmazonEnvelope>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A successful cancellation (OrderAcknowledgement with StatusCode Failure) cancels the fixture order. */
    private static void applySuccess(Element message, String orderId, SimWorld world) {
        if (orderId == null) {
            return;
        }
        String status = descendantText(message, "StatusCode");
        if (message.getElementsByTagName("OrderAcknowledgement").getLength() > 0 && "Failure".equals(status)) {
            ObjectNode order = world.orders.get(orderId);
            if (order != null) {
                order.put("status", "CANCELLED");
            }
        }
    }

    private static Element parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setExpandEntityReferences(false);
        javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
        builder.setErrorHandler(null); // report through the exception, not on stderr
        return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    }

    private static String childText(Element parent, String tag) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static String descendantText(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
