package com.deskbridge.ebay;

import java.time.Instant;
import java.util.Optional;

/**
 * A conversation from the Message API's {@code getConversations} ({@code ConversationDetail}): its id is the ticket's
 * thread key; {@code referenceId} is the listing's item id when {@code referenceType} is LISTING.
 */
public record EbayConversation(String conversationId, String title, String status, Optional<String> referenceId,
                               Optional<Instant> createdDate, Optional<EbayMessage> latestMessage) {}
