package com.deskbridge.carriers;

import com.deskbridge.http.AccessTokenCache;
import com.deskbridge.http.Quota;
import com.deskbridge.http.SecretSource;
import com.deskbridge.http.UpstreamException;
import com.deskbridge.http.UpstreamHttp;
import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.TrackingUpstream;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * DPD Web Services as used by DPD Germany/Benelux (see functions/carriers/README.md): SOAP 1.1 over HTTP with the JDK's XML
 * parser. {@code LoginService 2.1 getAuth(delisId, password, messageLanguage)} (secret fields {@code delisId},
 * {@code password}) gives an authToken with {@code authTokenExpires} (local time, Europe/Berlin), cached until then;
 * {@code ParcelLifeCycleService 2.0 getTrackingData(parcelLabelNumber)} with the {@code authentication} SOAP header
 * gives {@code statusInfo[]}. DPD's other countries (UK, PL, AT) have other APIs and would need their own adapters.
 * SOAP faults arrive as HTTP 500; an {@code authenticationFault} drops the token and is retried once with a new one.
 */
public final class DpdTrackingAdapter extends TrackingAdapter {

    private static final String LOGIN_NS = "http://dpd.com/common/service/types/LoginService/2.1";
    private static final String PLC_NS = "http://dpd.com/common/service/types/ParcelLifeCycleService/2.0";
    private static final String AUTH_NS = "http://dpd.com/common/service/types/Authentication/2.0";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm");

    private volatile String delisId;

    public DpdTrackingAdapter(CarrierSettings.Endpoint endpoint, SecretSource secrets, UpstreamHttp http, Quota quota,
                              Clock clock, Locale linkLocale) {
        super(TrackingUpstream.DPD, endpoint, secrets, http, quota, clock, linkLocale);
    }

    @Override
    AccessTokenCache.IssuedToken issueToken() {
        String id = secretField("delisId", "delis_id");
        String body = envelope("", "<ns:getAuth xmlns:ns=\"" + LOGIN_NS + "\"><delisId>" + esc(id) + "</delisId><password>"
                + esc(secretField("password", "password")) + "</password><messageLanguage>en_US</messageLanguage></ns:getAuth>");
        HttpResponse<String> r;
        try {
            r = http.send(soap(uri("/soap/services/LoginService/V2_1"), body), UNLIMITED);
        } catch (UpstreamException e) {
            if (authFault(e)) {
                throw new CredentialsRejectedException(name(), endpoint.secretName());
            }
            throw e;
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name() + "-login", r.statusCode(), null, "getAuth failed");
        }
        Document doc = parse(r.body());
        String token = first(doc, "authToken");
        if (token == null) {
            throw new MalformedResponseException("getAuth answer without authToken");
        }
        Instant expires = expires(first(doc, "authTokenExpires"));
        Duration lifetime = expires == null ? Duration.ofHours(1) : Duration.between(clock.instant(), expires);
        delisId = id;
        return new AccessTokenCache.IssuedToken(token, lifetime.compareTo(Duration.ofMinutes(2)) < 0 ? Duration.ofMinutes(2) : lifetime);
    }

    @Override
    TrackingResult fetch(Carrier carrier, String number) {
        HttpResponse<String> r;
        try {
            r = http.send(tracking(tokens.token(), number), quota);
        } catch (UpstreamException e) {
            if (!authFault(e)) {
                throw e;
            }
            tokens.invalidate();
            try {
                r = http.send(tracking(tokens.token(), number), quota);
            } catch (UpstreamException again) {
                if (authFault(again)) {
                    tokens.invalidate();
                    throw new CredentialsRejectedException(name(), endpoint.secretName());
                }
                throw again;
            }
        }
        if (r.statusCode() != 200) {
            throw new UpstreamException(name(), r.statusCode(), null, "unexpected status");
        }
        Document doc = parse(r.body());
        NodeList infos = doc.getElementsByTagNameNS("*", "statusInfo");
        List<ParsedEvent> events = new ArrayList<>();
        ParsedEvent current = null;
        for (int i = 0; i < infos.getLength(); i++) {
            Element info = (Element) infos.item(i);
            if ("false".equals(child(info, "statusHasBeenReached"))) {
                continue;
            }
            String status = child(info, "status");
            String description = child(info, "description");
            String location = child(info, "location");
            ParsedEvent e = new ParsedEvent(eventTime(child(info, "date")), status, description,
                    location == null || location.isBlank() ? null : location, DpdStatusMap.map(status, description));
            events.add(e);
            if ("true".equals(child(info, "isCurrentStatus"))) {
                current = e;
            }
        }
        if (events.isEmpty()) {
            return new NotFound(carrier, number);
        }
        return new Found(SnapshotAssembler.assemble(carrier, number, current == null ? null : current.code(),
                current == null ? null : current.text(), current == null ? null : current.mapped(), events, null,
                current == null ? null : current.location(), clock.instant(), linkLocale));
    }

    private HttpRequest tracking(String token, String number) {
        String id = delisId;
        if (id == null) {
            id = secretField("delisId", "delis_id");
        }
        String header = "<auth:authentication xmlns:auth=\"" + AUTH_NS + "\"><delisId>" + esc(id) + "</delisId><authToken>"
                + esc(token) + "</authToken><messageLanguage>en_US</messageLanguage></auth:authentication>";
        String body = "<ns:getTrackingData xmlns:ns=\"" + PLC_NS + "\"><parcelLabelNumber>" + esc(number)
                + "</parcelLabelNumber></ns:getTrackingData>";
        return soap(uri("/soap/services/ParcelLifeCycleService/V2_0"), envelope(header, body));
    }

    private static boolean authFault(UpstreamException e) {
        return e.status() == 500 && e.getMessage() != null && e.getMessage().contains("authenticationFault");
    }

    private static HttpRequest soap(java.net.URI uri, String envelope) {
        return request(uri).header("Content-Type", "text/xml; charset=UTF-8").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)).build();
    }

    private static String envelope(String header, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Header>" + header
                + "</soapenv:Header><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new MalformedResponseException("response is not XML", e);
        }
    }

    private static String first(Document doc, String localName) {
        NodeList n = doc.getElementsByTagNameNS("*", localName);
        return n.getLength() == 0 ? null : n.item(0).getTextContent().trim();
    }

    /** The text of a direct child; DPD nests texts as {@code <description><content><content>text</content></content></description>}. */
    private static String child(Element e, String localName) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && localName.equals(c.getLocalName())) {
                return c.getTextContent().trim();
            }
        }
        return null;
    }

    private static Instant eventTime(String value) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.trim(), EVENT_DATE).atZone(BERLIN).toInstant();
        } catch (DateTimeParseException e) {
            return Texts.instant(value);
        }
    }

    private static Instant expires(String value) {
        if (value == null) {
            return null;
        }
        Instant withOffset = null;
        try {
            withOffset = java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).atZone(BERLIN).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
        return withOffset;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
