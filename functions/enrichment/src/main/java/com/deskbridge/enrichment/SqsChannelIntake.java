package com.deskbridge.enrichment;

import com.deskbridge.domain.ticket.InboundMessage;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Puts a channel's buyer message on the intake queue as the channel envelope intake reads (README "Intake envelope",
 * {@code type: channel-message}): the same fields a channel integration sends by hand, so intake threads it by the
 * channel's conversation id and de-duplicates it by (channel, external message id).
 */
public final class SqsChannelIntake implements EbayMessagePoll.IntakeQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Envelope(int version, String type, String channel, String sellerId, String marketplaceId, String externalMessageId,
                    String threadKey, String orderId, SenderJson sender, String subject, String body,
                    List<AttachmentJson> attachments, String receivedAt) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SenderJson(String address, String displayName) {}

    record AttachmentJson(String fileName, String contentType, long sizeBytes) {}

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsChannelIntake(SqsClient sqs, String queueUrl) {
        this.sqs = Objects.requireNonNull(sqs);
        this.queueUrl = Objects.requireNonNull(queueUrl);
    }

    static String envelope(InboundMessage m) {
        Envelope e = new Envelope(1, "channel-message", m.channel().wireName(), m.seller().value(),
                m.marketplaceId(), m.externalMessageId(), m.threadKey(), m.orderId(),
                new SenderJson(m.sender().address(), m.sender().displayName()), m.subject(), m.body(),
                m.attachments().isEmpty() ? null
                        : m.attachments().stream().map(a -> new AttachmentJson(a.fileName(), a.contentType(), a.sizeBytes())).toList(),
                m.receivedAt().toString());
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("a channel envelope is plain data", ex);
        }
    }

    @Override
    public void put(InboundMessage message) {
        sqs.sendMessage(s -> s.queueUrl(queueUrl).messageBody(envelope(message)));
    }
}
