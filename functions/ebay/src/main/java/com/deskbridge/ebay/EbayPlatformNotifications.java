package com.deskbridge.ebay;

import com.deskbridge.http.SecretSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Verifies and reads the Trading API platform notifications that say a buyer wrote
 * ({@code MyMessagesM2MMessage} / {@code MyMessagesM2MMessageHeader},
 * https://developer.ebay.com/api-docs/static/pn_my-messages.html). eBay signs each notification's SOAP header with
 * {@code NotificationSignature} = base64(MD5(Timestamp + DevID + AppID + CertID)), Timestamp from the SOAP body
 * (https://developer.ebay.com/support/kb-article?KBid=1201); the signature is compared in constant time and the
 * timestamp must be recent, so a replayed notification is refused. A verified notification only wakes the seller's
 * poll: the messages themselves are read through the Message API. The XML parser refuses DTDs (no external entities).
 */
public final class EbayPlatformNotifications {

    static final Set<String> MESSAGE_EVENTS = Set.of("MyMessagesM2MMessage", "MyMessagesM2MMessageHeader");
    private static final String EBL = "urn:ebay:apis:eBLBaseComponents";

    /** A verified notification: the event, the eBay user it is for (the seller) and eBay's timestamp. */
    public record Alert(String eventName, String recipientUserId, Instant timestamp) {}

    /** Why a notification was refused (bad signature, stale, not XML, not a message event). */
    public static final class RejectedNotification extends RuntimeException {
        RejectedNotification(String message) {
            super(message);
        }
    }

    private final SecretSource secrets;
    private final String appSecretName;
    private final Clock clock;
    private final Duration maxAge;

    /**
     * @param appSecretName the application's secret: {@code dev_id}, {@code client_id} (App ID), {@code client_secret}
     *                      (Cert ID)
     * @param maxAge        how old (or how far ahead) eBay's timestamp may be
     */
    public EbayPlatformNotifications(SecretSource secrets, String appSecretName, Clock clock, Duration maxAge) {
        this.secrets = Objects.requireNonNull(secrets);
        this.appSecretName = Objects.requireNonNull(appSecretName);
        this.clock = Objects.requireNonNull(clock);
        this.maxAge = Objects.requireNonNull(maxAge);
    }

    public Alert verify(String soap) {
        Document doc = parse(soap);
        String signature = first(doc, EBL, "NotificationSignature");
        Element response = body(doc);
        String timestamp = child(response, "Timestamp");
        String event = child(response, "NotificationEventName");
        String recipient = child(response, "RecipientUserID");
        if (signature == null || timestamp == null || event == null || recipient == null) {
            throw new RejectedNotification("notification lacks NotificationSignature, Timestamp, NotificationEventName or RecipientUserID");
        }
        Map<String, String> app = secrets.secret(appSecretName);
        String expected = expectedSignature(timestamp, app.get("dev_id"), app.get("client_id"), app.get("client_secret"));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.trim().getBytes(StandardCharsets.US_ASCII))) {
            throw new RejectedNotification("NotificationSignature does not match the application's keys");
        }
        Instant at;
        try {
            at = Instant.parse(timestamp.trim());
        } catch (DateTimeParseException e) {
            throw new RejectedNotification("Timestamp is not an ISO-8601 instant");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(maxAge) > 0) {
            throw new RejectedNotification("notification timestamp " + at + " is more than " + maxAge + " from now");
        }
        if (!MESSAGE_EVENTS.contains(event.trim())) {
            throw new RejectedNotification("not a member-message notification: " + event);
        }
        return new Alert(event.trim(), recipient.trim(), at);
    }

    static String expectedSignature(String timestamp, String devId, String appId, String certId) {
        if (devId == null || appId == null || certId == null) {
            throw new IllegalStateException("the eBay application secret lacks dev_id, client_id or client_secret");
        }
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((timestamp + devId + appId + certId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new RejectedNotification("notification is not well-formed XML without a DTD");
        }
    }

    private static String first(Document doc, String ns, String name) {
        NodeList list = doc.getElementsByTagNameNS(ns, name);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    private static Element body(Document doc) {
        NodeList bodies = doc.getElementsByTagNameNS("http://schemas.xmlsoap.org/soap/envelope/", "Body");
        if (bodies.getLength() == 0) {
            throw new RejectedNotification("not a SOAP envelope");
        }
        NodeList children = bodies.item(0).getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element e) {
                return e;
            }
        }
        throw new RejectedNotification("empty SOAP body");
    }

    private static String child(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS(EBL, name);
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i).getParentNode() == parent) {
                return list.item(i).getTextContent();
            }
        }
        return null;
    }
}
