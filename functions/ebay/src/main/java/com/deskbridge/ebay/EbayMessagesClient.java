package com.deskbridge.ebay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * eBay's Message API v1 (https://developer.ebay.com/api-docs/commerce/message/overview.html): buyer conversations
 * ({@code conversation_type=FROM_MEMBERS}) and replies. eBay's REST successor of the Trading API's member-message calls.
 */
public final class EbayMessagesClient {

    /** getConversations and getConversation serve at most 50 entries a page. */
    static final int PAGE = 50;
    /** sendMessage's {@code messageText} limit. */
    public static final int MAX_TEXT = 2000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final EbayTransport transport;

    EbayMessagesClient(EbayTransport transport) {
        this.transport = transport;
    }

    /** One page of conversations. */
    public record ConversationPage(List<EbayConversation> conversations, int total, boolean more) {}

    /** One page of a conversation's messages (eBay lists them newest first). */
    public record MessagePage(List<EbayMessage> messages, int total, boolean more) {}

    /** Buyer conversations with a message sent at or after {@code since}, newest first. */
    public ConversationPage conversations(EbayAccount account, Instant since, int offset) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_CONVERSATIONS,
                "/commerce/message/v1/conversation?conversation_type=FROM_MEMBERS&start_time="
                        + EbayOAuth.enc(TIME.format(since.truncatedTo(ChronoUnit.MILLIS))) + "&limit=" + PAGE + "&offset=" + offset);
        JsonNode body = ok(r, EbayOperation.GET_CONVERSATIONS);
        List<EbayConversation> list = new ArrayList<>();
        for (JsonNode c : body.path("conversations")) {
            list.add(new EbayConversation(EbayJson.required(c, "conversationId", EbayOperation.GET_CONVERSATIONS),
                    EbayJson.text(c, "conversationTitle").orElse(""), EbayJson.text(c, "conversationStatus").orElse(""),
                    "LISTING".equals(c.path("referenceType").asText()) ? EbayJson.text(c, "referenceId") : Optional.empty(),
                    EbayJson.instant(c, "createdDate"),
                    c.path("latestMessage").isObject() ? Optional.of(message(c.get("latestMessage"), EbayOperation.GET_CONVERSATIONS))
                            : Optional.empty()));
        }
        return new ConversationPage(list, body.path("total").asInt(list.size()), body.hasNonNull("next"));
    }

    /** One page of a conversation's messages; empty when eBay does not know the conversation for this seller. */
    public Optional<MessagePage> conversation(EbayAccount account, String conversationId, int offset) {
        HttpResponse<String> r = transport.get(account, EbayOperation.GET_CONVERSATION, "/commerce/message/v1/conversation/"
                + EbayOAuth.enc(conversationId) + "?conversation_type=FROM_MEMBERS&limit=" + PAGE + "&offset=" + offset);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode body = ok(r, EbayOperation.GET_CONVERSATION);
        List<EbayMessage> list = new ArrayList<>();
        for (JsonNode m : body.path("messages")) {
            list.add(message(m, EbayOperation.GET_CONVERSATION));
        }
        return Optional.of(new MessagePage(list, body.path("total").asInt(list.size()), body.hasNonNull("next")));
    }

    /**
     * Sends {@code text} in an existing conversation ({@code conversationId}), or starts one with
     * {@code otherPartyUsername} about the listing {@code itemId} (may be null): eBay's {@code SendMessageRequest}
     * (https://developer.ebay.com/api-docs/commerce/message/resources/conversation/methods/sendMessage) takes one of the
     * two, the conversation id whenever the conversation exists.
     *
     * @throws IllegalArgumentException when the text is empty or longer than {@link #MAX_TEXT} (nothing is sent)
     */
    public EbayMessage send(EbayAccount account, String conversationId, String otherPartyUsername, String itemId, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("eBay messages hold 1 to " + MAX_TEXT + " characters");
        }
        ObjectNode req = EbayJson.MAPPER.createObjectNode();
        if (conversationId != null && !conversationId.isBlank()) {
            req.put("conversationId", conversationId);
        } else {
            req.put("otherPartyUsername", otherPartyUsername);
            if (itemId != null) {
                req.putObject("reference").put("referenceId", itemId).put("referenceType", "LISTING");
            }
        }
        req.put("messageText", text);
        HttpResponse<String> r = transport.call(account, EbayOperation.SEND_MESSAGE, "POST", "/commerce/message/v1/send_message",
                req.toString());
        JsonNode m = ok(r, EbayOperation.SEND_MESSAGE);
        return new EbayMessage(EbayJson.required(m, "messageId", EbayOperation.SEND_MESSAGE), m.path("senderUserName").asText(""),
                m.path("recipientUserName").asText(""), m.path("subject").asText(""), m.path("messageBody").asText(text),
                EbayJson.instant(m, "createdDate").orElse(Instant.EPOCH), List.of());
    }

    private static EbayMessage message(JsonNode m, EbayOperation op) {
        List<EbayMessage.Media> media = new ArrayList<>();
        for (JsonNode md : m.path("messageMedia")) {
            media.add(new EbayMessage.Media(md.path("mediaName").asText("attachment"), md.path("mediaType").asText(""),
                    md.path("mediaUrl").asText("")));
        }
        return new EbayMessage(EbayJson.required(m, "messageId", op), m.path("senderUsername").asText(""),
                m.path("recipientUsername").asText(""), m.path("subject").asText(""), m.path("messageBody").asText(""),
                EbayJson.instant(m, "createdDate").orElseThrow(() -> new EbayApiException(op.id(), 200, null, null,
                        "message lacks createdDate", null)), media);
    }

    static JsonNode ok(HttpResponse<String> r, EbayOperation op) {
        if (r.statusCode() / 100 != 2) {
            throw EbayApiException.from(op, r);
        }
        return EbayJson.parse(r.body(), op);
    }
}
