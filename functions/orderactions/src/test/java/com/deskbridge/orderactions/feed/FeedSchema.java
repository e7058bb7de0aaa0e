package com.deskbridge.orderactions.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Validates XML against Deskbridge's own XSDs (src/test/resources/xsd), written from Amazon's published
 * amzn-envelope, amzn-header, amzn-base, OrderAdjustment, OrderAcknowledgement and ProcessingReport schemas.
 */
final class FeedSchema {

    private static final Schema SCHEMA = load();

    private FeedSchema() {
    }

    private static Schema load() {
        try {
            URL envelope = Objects.requireNonNull(FeedSchema.class.getResource("/xsd/deskbridge-amzn-envelope.xsd"));
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(envelope);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load test XSDs", e);
        }
    }

    /** Every validation error (empty when valid). */
    static List<String> errors(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator v = SCHEMA.newValidator();
            v.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    errors.add(e.getMessage());
                }
            });
            v.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            if (errors.isEmpty()) {
                errors.add(e.toString());
            }
        }
        return errors;
    }

    static void assertValid(byte[] xml) {
        assertThat(errors(xml)).as("XSD errors in%n%s", FeedXml.utf8(xml)).isEmpty();
    }

    static void assertInvalid(byte[] xml, String expectedErrorFragment) {
        assertThat(errors(xml)).as("expected an XSD error for%n%s", FeedXml.utf8(xml)).isNotEmpty()
                .anySatisfy(e -> assertThat(e).contains(expectedErrorFragment));
    }

    static Document dom(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] serialize(Document doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(Document doc, String xpath) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(xpath, doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Element> elements(Document doc, String xpath) {
        try {
            NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names of the child elements, in document order. */
    static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                names.add(c.getTagName());
            }
        }
        return names;
    }
}
