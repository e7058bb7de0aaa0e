package com.deskbridge.sim.ebay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Trading API platform notifications as eBay sends them: a SOAP envelope whose header carries
 * {@code NotificationSignature} = base64(MD5(Timestamp + DevID + AppID + CertID)) (eBay knowledge base article 1201,
 * https://developer.ebay.com/support/kb-article?KBid=1201) and whose body is the call response the event stands for;
 * for {@code MyMessagesM2MMessageHeader} a GetMyMessages response with the message headers
 * (https://developer.ebay.com/api-docs/static/pn_my-messages.html).
 */
final class PlatformNotifications {

    private PlatformNotifications() {
    }

    static String signature(String timestamp, EbayWorld.Application app) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest((timestamp + app.devId() + app.clientId() + app.clientSecret())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(md5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }

    static String m2mMessageHeader(String timestamp, String signature, String recipient, EbayWorld.Conversation c,
                                   EbayWorld.Message m) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                 <soapenv:Header>
                  <ebl:RequesterCredentials soapenv:mustUnderstand="0" xmlns:ebl="urn:ebay:apis:eBLBaseComponents">
                   <ebl:NotificationSignature xmlns:ebl="urn:ebay:apis:eBLBaseComponents">%s</ebl:NotificationSignature>
                  </ebl:RequesterCredentials>
                 </soapenv:Header>
                 <soapenv:Body>
                  <GetMyMessagesResponse xmlns="urn:ebay:apis:eBLBaseComponents">
                   <Timestamp>%s</Timestamp>
                   <Ack>Success</Ack>
                   <Version>1423</Version>
                   <NotificationEventName>MyMessagesM2MMessageHeader</NotificationEventName>
                   <RecipientUserID>%s</RecipientUserID>
                   <Messages>
                    <Message>
                     <Sender>%s</Sender>
                     <RecipientUserID>%s</RecipientUserID>
                     <Subject>%s</Subject>
                     <MessageID>%s</MessageID>
                     <ExternalMessageID>%s</ExternalMessageID>
                     <ReceiveDate>%s</ReceiveDate>
                     <ItemID>%s</ItemID>
                    </Message>
                   </Messages>
                  </GetMyMessagesResponse>
                 </soapenv:Body>
                </soapenv:Envelope>
                """.formatted(signature, timestamp, xml(recipient), xml(c.buyerUsername), xml(recipient), xml(m.subject()),
                xml(m.messageId()), xml(c.conversationId), EbayRenderer.time(m.createdDate()), xml(c.itemId == null ? "" : c.itemId));
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
