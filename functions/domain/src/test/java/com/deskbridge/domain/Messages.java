package com.deskbridge.domain;

import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.domain.ticket.SellerId;
import java.time.Instant;
import java.util.List;

/** Test data builder for inbound messages. */
public final class Messages {
    private Channel channel = Channel.EBAY;
    private String seller = "seller-1";
    private String externalId = "ext-1";
    private String threadKey = "thread-1";
    private String orderId = "12-34567-89012";
    private String sender = "buyer_one";
    private String subject = "Order question";
    private String displayName = "Buyer One";
    private String body = "Where is my parcel?";
    private List<Attachment> attachments = List.of();
    private Instant receivedAt = Instant.parse("2026-11-20T10:15:00Z");

    public static Messages message() {
        return new Messages();
    }

    public Messages channel(Channel c) { this.channel = c; return this; }
    public Messages seller(String s) { this.seller = s; return this; }
    public Messages externalId(String id) { this.externalId = id; return this; }
    public Messages threadKey(String k) { this.threadKey = k; return this; }
    public Messages orderId(String o) { this.orderId = o; return this; }
    public Messages sender(String s) { this.sender = s; return this; }
    public Messages body(String b) { this.body = b; return this; }
    public Messages subject(String s) { this.subject = s; return this; }
    public Messages displayName(String n) { this.displayName = n; return this; }
    public Messages attachments(List<Attachment> a) { this.attachments = a; return this; }
    public Messages receivedAt(Instant t) { this.receivedAt = t; return this; }

    public InboundMessage build() {
        return new InboundMessage(channel, new SellerId(seller), "EBAY_DE", externalId, threadKey, orderId,
                new Sender(sender, displayName), subject, body, false, attachments, receivedAt);
    }
}
