package com.deskbridge.ebay;

import java.time.Instant;
import java.util.List;

/** A message from the Message API ({@code MessageDetail}). Its body is buyer text: never logged. */
public record EbayMessage(String messageId, String senderUsername, String recipientUsername, String subject, String body,
                          Instant createdDate, List<Media> media) {

    public EbayMessage {
        media = List.copyOf(media);
    }

    /** An attachment: {@code type} IMAGE, PDF, DOC or TXT. */
    public record Media(String name, String type, String url) {}
}
