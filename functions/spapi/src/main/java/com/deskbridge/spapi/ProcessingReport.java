package com.deskbridge.spapi;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Amazon's XML processing report for an XML feed (https://developer-docs.amazon.com/sp-api/docs/submit-a-feed): the summary counts and one
 * {@link Result} per message with an error or warning. Messages without a result succeeded. This is how a
 * refund or cancellation learns Amazon's verdict and reason.
 */
public record ProcessingReport(Optional<String> documentTransactionId, Optional<String> statusCode, int messagesProcessed,
                               int messagesSuccessful, int messagesWithError, int messagesWithWarning, List<Result> results) {

    public ProcessingReport {
        results = List.copyOf(results);
    }

    /**
     * @param resultCode        {@code Error} or {@code Warning}
     * @param resultMessageCode Amazon's numeric code (e.g. 5000 malformed XML)
     * @param additionalInfo    e.g. {@code AmazonOrderID}, {@code SKU}
     */
    public record Result(String messageId, String resultCode, Optional<String> resultMessageCode,
                         Optional<String> resultDescription, Map<String, String> additionalInfo) {
        public Result {
            additionalInfo = Map.copyOf(additionalInfo);
        }

        public boolean error() {
            return "Error".equalsIgnoreCase(resultCode);
        }
    }

    /** The results for one message id (empty when it succeeded without warnings). */
    public List<Result> resultsFor(String messageId) {
        return results.stream().filter(r -> r.messageId().equals(messageId)).toList();
    }

    /** True when the report has no error for this message id. */
    public boolean succeeded(String messageId) {
        return resultsFor(messageId).stream().noneMatch(Result::error);
    }

    /** Parses the report XML ({@code AmazonEnvelope/Message/ProcessingReport}); external entities are refused. */
    public static ProcessingReport parse(byte[] xml) {
        Element report;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            javax.xml.parsers.DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null); // report through the exception, not on stderr
            Element root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
            NodeList reports = root.getElementsByTagName("ProcessingReport");
            if (reports.getLength() == 0) {
                throw new IllegalArgumentException("not a processing report: no ProcessingReport element");
            }
            report = (Element) reports.item(0);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalArgumentException("processing report is not well-formed XML: " + e.getMessage(), e);
        }
        Element summary = child(report, "ProcessingSummary");
        List<Result> results = new ArrayList<>();
        for (Element r : children(report, "Result")) {
            Map<String, String> info = new LinkedHashMap<>();
            Element additional = child(r, "AdditionalInfo");
            if (additional != null) {
                for (Element e : children(additional, null)) {
                    info.put(e.getTagName(), e.getTextContent().trim());
                }
            }
            results.add(new Result(text(r, "MessageID").orElse(""), text(r, "ResultCode").orElse(""),
                    text(r, "ResultMessageCode"), text(r, "ResultDescription"), info));
        }
        return new ProcessingReport(text(report, "DocumentTransactionID"), text(report, "StatusCode"),
                count(summary, "MessagesProcessed"), count(summary, "MessagesSuccessful"),
                count(summary, "MessagesWithError"), count(summary, "MessagesWithWarning"), results);
    }

    private static int count(Element summary, String tag) {
        return summary == null ? 0 : text(summary, tag).map(String::trim).filter(s -> s.matches("\\d+")).map(Integer::parseInt).orElse(0);
    }

    private static Optional<String> text(Element parent, String tag) {
        Element e = child(parent, tag);
        return e == null ? Optional.empty() : Optional.of(e.getTextContent().trim());
    }

    private static Element child(Element parent, String tag) {
        List<Element> c = children(parent, tag);
        return c.isEmpty() ? null : c.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }
}
