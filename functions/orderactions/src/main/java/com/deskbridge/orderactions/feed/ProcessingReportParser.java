package com.deskbridge.orderactions.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads Amazon's XML processing report (the result document of a feed, https://developer-docs.amazon.com/sp-api/docs/submit-a-feed), either wrapped in
 * an AmazonEnvelope (MessageType ProcessingReport) or bare. The document comes from the network, so DTDs and
 * external entities are refused.
 */
public final class ProcessingReportParser {

    /** Thrown when the document is not a readable processing report. */
    public static final class MalformedReportException extends RuntimeException {
        MalformedReportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public ProcessingReport parse(byte[] xml) {
        Element report = reportElement(document(xml));
        String txId = childText(report, "DocumentTransactionID");
        String status = required(report, "StatusCode");
        ProcessingReport.Summary summary = null;
        Element s = child(report, "ProcessingSummary");
        if (s != null) {
            summary = new ProcessingReport.Summary(number(s, "MessagesProcessed"), number(s, "MessagesSuccessful"),
                    number(s, "MessagesWithError"), number(s, "MessagesWithWarning"));
        }
        List<ProcessingReport.Result> results = new ArrayList<>();
        for (Element r : children(report, "Result")) {
            Element info = child(r, "AdditionalInfo");
            results.add(new ProcessingReport.Result(number(r, "MessageID"), required(r, "ResultCode"),
                    childText(r, "ResultMessageCode"), childText(r, "ResultDescription"),
                    info == null ? null : childText(info, "AmazonOrderID"),
                    info == null ? null : childText(info, "AmazonOrderItemCode")));
        }
        return new ProcessingReport(txId, status, summary, results);
    }

    private static Document document(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new MalformedReportException("not a readable XML processing report", e);
        }
    }

    private static Element reportElement(Document doc) {
        Element root = doc.getDocumentElement();
        if (name(root).equals("ProcessingReport")) {
            return root;
        }
        if (name(root).equals("AmazonEnvelope")) {
            for (Element message : children(root, "Message")) {
                Element report = child(message, "ProcessingReport");
                if (report != null) {
                    return report;
                }
            }
        }
        throw new MalformedReportException("no ProcessingReport element in " + name(root), null);
    }

    private static String name(Node n) {
        return n.getLocalName() != null ? n.getLocalName() : n.getNodeName();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && name(e).equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    private static String childText(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent().trim();
    }

    private static String required(Element parent, String name) {
        String v = childText(parent, name);
        if (v == null || v.isEmpty()) {
            throw new MalformedReportException("processing report lacks " + name, null);
        }
        return v;
    }

    private static long number(Element parent, String name) {
        String v = required(parent, name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new MalformedReportException(name + " is not a number: " + v, e);
        }
    }
}
