package com.deskbridge.sim.carriers;

import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * DPD Web Services (DE/Benelux), SOAP 1.1 over HTTP: LoginService 2.1 {@code getAuth(delisId, password,
 * messageLanguage)} → authToken + authTokenExpires (local time, Europe/Berlin), and ParcelLifeCycleService 2.0
 * {@code getTrackingData(parcelLabelNumber)} with the {@code authentication} SOAP header → {@code trackingresult}
 * with {@code statusInfo[]} (as in karrio's DPD connector, https://github.com/karrioapi/karrio). Faults are HTTP 500 SOAP faults with an
 * {@code authenticationFault} detail for credential problems. An unknown parcel gets an empty {@code trackingresult}.
 * Error codes (LOGIN_5, LOGIN_6) are illustrative: DPD's own list is not public.
 */
final class DpdEndpoint extends Endpoint {

    static final String LOGIN_NS = "http://dpd.com/common/service/types/LoginService/2.1";
    static final String PLC_NS = "http://dpd.com/common/service/types/ParcelLifeCycleService/2.0";
    static final String AUTH_NS = "http://dpd.com/common/service/types/Authentication/2.0";
    private static final String ENVELOPE_OPEN = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>";
    private static final String ENVELOPE_CLOSE = "</soap:Body></soap:Envelope>";
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(BERLIN);
    private static final DateTimeFormatter EVENT_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm").withZone(BERLIN);

    DpdEndpoint(CarrierState state, Map<String, ShipmentFixture> shipments, Clock clock) {
        super(state, shipments, clock);
    }

    @Override
    void route(HttpExchange ex, String path) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            methodNotAllowed(ex, List.of("POST"));
            return;
        }
        String body = body(ex);
        if (path.equals("/soap/services/LoginService/V2_1")) {
            login(ex, body);
        } else if (path.equals("/soap/services/ParcelLifeCycleService/V2_0")) {
            track(ex, body);
        } else {
            notFoundPath(ex);
        }
    }

    private void login(HttpExchange ex, String body) throws IOException {
        state.tokenCalls.incrementAndGet();
        Document doc = parse(body);
        if (doc == null) {
            soapFault(ex, 500, "soap:Client", "Unmarshalling Error", null);
            return;
        }
        if (!state.clientMatches(text(doc, "delisId"), text(doc, "password"))) {
            authFault(ex, "LOGIN_5", "The given DELIS-ID and password do not match.");
            return;
        }
        String token = state.issueToken();
        String xml = ENVELOPE_OPEN + "<ns2:getAuthResponse xmlns:ns2=\"" + LOGIN_NS + "\"><return>"
                + "<delisId>" + esc(state.clientId) + "</delisId><customerUid>" + esc(state.clientId) + "</customerUid>"
                + "<authToken>" + esc(token) + "</authToken><depot>0163</depot>"
                + "<authTokenExpires>" + EXPIRES.format(now().plusSeconds(state.tokenTtlSeconds)) + "</authTokenExpires>"
                + "</return></ns2:getAuthResponse>" + ENVELOPE_CLOSE;
        send(ex, 200, "text/xml; charset=UTF-8", xml);
    }

    private void track(HttpExchange ex, String body) throws IOException {
        if (!admit(ex, body)) {
            return;
        }
        Document doc = parse(body);
        String number = doc == null ? null : text(doc, "parcelLabelNumber");
        StringBuilder xml = new StringBuilder(ENVELOPE_OPEN)
                .append("<ns2:getTrackingDataResponse xmlns:ns2=\"").append(PLC_NS).append("\"><trackingresult>");
        var found = shipment(number);
        if (found.isPresent() && !found.get().visibleAt(now()).isEmpty()) {
            ShipmentFixture s = found.get();
            List<EventFixture> events = s.visibleAt(now());
            xml.append("<shipmentInfo><parcelLabelNumber>").append(esc(s.trackingNumber())).append("</parcelLabelNumber>")
                    .append("<serviceDescription><content><content>").append(esc(s.service() == null ? "DPD Classic" : s.service()))
                    .append("</content></content></serviceDescription></shipmentInfo>");
            for (int i = 0; i < events.size(); i++) {
                EventFixture e = events.get(i);
                xml.append("<statusInfo><status>").append(esc(e.code())).append("</status>")
                        .append("<label><content>").append(esc(e.code())).append("</content></label>")
                        .append("<description><content><content>").append(esc(e.text())).append("</content></content></description>")
                        .append("<statusHasBeenReached>true</statusHasBeenReached>")
                        .append("<isCurrentStatus>").append(i == events.size() - 1).append("</isCurrentStatus>")
                        .append("<location><content>").append(esc(e.city() == null ? "" : e.city()
                                + (e.country() == null ? "" : " (" + e.country() + ")"))).append("</content></location>")
                        .append("<date><content>").append(EVENT_DATE.format(e.at())).append("</content></date>")
                        .append("</statusInfo>");
            }
        }
        xml.append("</trackingresult></ns2:getTrackingDataResponse>").append(ENVELOPE_CLOSE);
        send(ex, 200, "text/xml; charset=UTF-8", xml.toString());
    }

    private static Document parse(String body) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            return null;
        }
    }

    private static String text(Document doc, String localName) {
        NodeList nodes = doc.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void soapFault(HttpExchange ex, int status, String code, String message, String detail) throws IOException {
        send(ex, status, "text/xml; charset=UTF-8", ENVELOPE_OPEN + "<soap:Fault><faultcode>" + code + "</faultcode><faultstring>"
                + esc(message) + "</faultstring>" + (detail == null ? "" : "<detail>" + detail + "</detail>")
                + "</soap:Fault>" + ENVELOPE_CLOSE);
    }

    private static void authFault(HttpExchange ex, String code, String message) throws IOException {
        soapFault(ex, 500, "soap:Server", "authenticationFault", "<ns1:authenticationFault xmlns:ns1=\"" + AUTH_NS
                + "\"><errorCode>" + code + "</errorCode><errorMessage>" + esc(message) + "</errorMessage></ns1:authenticationFault>");
    }

    @Override
    boolean authorized(HttpExchange ex, String body) {
        Document doc = parse(body);
        return doc != null && state.tokenValid(text(doc, "authToken"), text(doc, "delisId"));
    }

    @Override
    void unauthorized(HttpExchange ex) throws IOException {
        authFault(ex, "LOGIN_6", "The authentication token is invalid or has expired.");
    }

    @Override
    void tooManyRequests(HttpExchange ex, CarrierState.QuotaCheck quota) throws IOException {
        retryAfter(ex, quota);
        soapFault(ex, 429, "soap:Server", "Too many requests", null);
    }

    @Override
    void fault(HttpExchange ex, int status) throws IOException {
        soapFault(ex, status, "soap:Server", "Service temporarily unavailable", null);
    }
}
