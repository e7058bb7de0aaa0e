package com.deskbridge.ebay;

import com.deskbridge.channels.MessageInbox;
import com.deskbridge.channels.PollingPlan;
import com.deskbridge.domain.ticket.Attachment;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.Sender;
import com.deskbridge.http.UpstreamException;
import java.net.URLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link MessageInbox} over eBay's Message API. eBay pushes no REST notification for buyer messages (its Notification
 * API topics cover account deletion, authorisation revocation, listings and seller standards), so messages are
 * polled: {@code getConversations} with {@code start_time} a short overlap before the cursor, then
 * {@code getConversation} for each conversation whose newest message was not delivered yet (pages newest first until
 * the window is passed). The Trading API's {@code MyMessagesM2MMessageHeader} platform notification
 * ({@link EbayPlatformNotifications}) can trigger a poll at once.
 *
 * <p>Each buyer message (not the seller's own) becomes an {@link InboundMessage}: the conversation id is the thread
 * key, the buyer's eBay user name the sender, the order found by an eBay order number in the text or else by the buyer
 * and the listing among the seller's orders of the last 90 days (one {@code getOrders} call a poll, only when needed).
 * eBay gives no attachment sizes; they are recorded as 0. The next poll is scheduled within the Message API's daily
 * limit ({@link PollingPlan}) shared by all sellers of the application.
 */
public final class EbayInbox implements MessageInbox {

    private static final Logger LOG = Logger.getLogger(EbayInbox.class.getName());
    /** How far each poll looks back before its cursor, for messages eBay indexes after their creation time. */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    static final Duration ORDER_LOOK_BACK = Duration.ofDays(90);
    private static final int MAX_CONVERSATION_PAGES = 10;
    private static final int MAX_MESSAGE_PAGES = 4;
    private static final int MAX_ORDER_PAGES = 3;
    private static final Pattern EBAY_ORDER_ID = Pattern.compile("(?<![\\d-])(\\d{2}-\\d{5}-\\d{5})(?![\\d-])");

    private final EbayClient ebay;
    private final EbaySellers sellers;
    private final PollingPlan plan;
    private final IntSupplier sellerCount;
    private final Clock clock;

    public EbayInbox(EbayClient ebay, EbaySellers sellers, PollingPlan plan, IntSupplier sellerCount, Clock clock) {
        this.ebay = Objects.requireNonNull(ebay);
        this.sellers = Objects.requireNonNull(sellers);
        this.plan = Objects.requireNonNull(plan);
        this.sellerCount = Objects.requireNonNull(sellerCount);
        this.clock = Objects.requireNonNull(clock);
    }

    /** The plan for an application with eBay's default Message API limit: 60% of it for polling, every 2 to 30 minutes. */
    public static PollingPlan defaultPlan(long messageApiDailyLimit) {
        return new PollingPlan(messageApiDailyLimit, 0.6, Duration.ofMinutes(2), Duration.ofMinutes(30));
    }

    private record Found(EbayConversation conversation, EbayMessage message) {}

    @Override
    public Poll poll(String sellerId, Cursor cursor) {
        EbayAccount account = sellers.account(sellerId);
        int[] calls = {0};
        try {
            Instant from = cursor.since().minus(OVERLAP);
            List<Found> found = new ArrayList<>();
            Instant newest = cursor.since();
            int offset = 0;
            for (int page = 0; page < MAX_CONVERSATION_PAGES; page++) {
                EbayMessagesClient.ConversationPage conversations = ebay.messages().conversations(account, from, offset);
                calls[0]++;
                for (EbayConversation c : conversations.conversations()) {
                    Optional<EbayMessage> latest = c.latestMessage();
                    if (latest.isPresent() && cursor.seen().contains(latest.get().messageId())) {
                        continue;
                    }
                    for (EbayMessage m : newMessages(account, c, from, cursor.seen(), calls)) {
                        found.add(new Found(c, m));
                        newest = m.createdDate().isAfter(newest) ? m.createdDate() : newest;
                    }
                }
                if (!conversations.more()) {
                    break;
                }
                offset += EbayMessagesClient.PAGE;
            }
            Instant windowStart = newest.minus(OVERLAP);
            Set<String> seen = new HashSet<>();
            if (windowStart.isBefore(cursor.since())) {
                // the new overlap window still covers part of the old one: keep what was delivered there
                seen.addAll(cursor.seen());
            }
            found.stream().filter(f -> !f.message.createdDate().isBefore(windowStart)).forEach(f -> seen.add(f.message.messageId()));
            List<EbayOrder> recentOrders = null;
            List<InboundMessage> messages = new ArrayList<>();
            for (Found f : found.stream().sorted(Comparator.comparing(f -> f.message.createdDate())).toList()) {
                if (f.message.senderUsername().equalsIgnoreCase(account.username())) {
                    continue;
                }
                Optional<String> orderId = mentionedOrder(f.message);
                if (orderId.isEmpty() && f.conversation.referenceId().isPresent()) {
                    if (recentOrders == null) {
                        recentOrders = recentOrders(account, calls);
                    }
                    orderId = orderOf(recentOrders, f.message.senderUsername(), f.conversation.referenceId().get());
                }
                inbound(sellerId, account, f, orderId.orElse(null)).ifPresent(messages::add);
            }
            double expectedCalls = Math.max(1.0, calls[0]);
            return new Poll(messages, new Cursor(newest, seen), plan.interval(sellerCount.getAsInt(), expectedCalls), calls[0]);
        } catch (UpstreamException e) {
            throw EbayFailures.translate(e, sellerId, "reading buyer messages");
        }
    }

    private List<EbayMessage> newMessages(EbayAccount account, EbayConversation c, Instant from, Set<String> seen, int[] calls) {
        List<EbayMessage> out = new ArrayList<>();
        int offset = 0;
        for (int page = 0; page < MAX_MESSAGE_PAGES; page++) {
            Optional<EbayMessagesClient.MessagePage> messages = ebay.messages().conversation(account, c.conversationId(), offset);
            calls[0]++;
            if (messages.isEmpty()) {
                return out;
            }
            boolean older = false;
            for (EbayMessage m : messages.get().messages()) {
                if (m.createdDate().isBefore(from)) {
                    older = true;
                } else if (!seen.contains(m.messageId())) {
                    out.add(m);
                }
            }
            if (older || !messages.get().more()) {
                return out;
            }
            offset += EbayMessagesClient.PAGE;
        }
        return out;
    }

    private List<EbayOrder> recentOrders(EbayAccount account, int[] calls) {
        List<EbayOrder> orders = new ArrayList<>();
        Instant from = clock.instant().minus(ORDER_LOOK_BACK);
        int offset = 0;
        for (int page = 0; page < MAX_ORDER_PAGES; page++) {
            EbayFulfillmentClient.OrderPage p = ebay.fulfillment().orders(account, from, offset);
            calls[0]++;
            orders.addAll(p.orders());
            if (!p.more()) {
                break;
            }
            offset += EbayFulfillmentClient.ORDERS_PAGE;
        }
        return orders;
    }

    /** The newest of the buyer's orders that contains the listing. */
    static Optional<String> orderOf(List<EbayOrder> orders, String buyer, String itemId) {
        return orders.stream()
                .filter(o -> o.buyerUsername().equalsIgnoreCase(buyer))
                .filter(o -> o.lineItems().stream().anyMatch(l -> itemId.equals(l.legacyItemId())))
                .max(Comparator.comparing(EbayOrder::creationDate))
                .map(EbayOrder::orderId);
    }

    static Optional<String> mentionedOrder(EbayMessage m) {
        for (String text : new String[] {m.subject(), m.body()}) {
            Matcher matcher = EBAY_ORDER_ID.matcher(text == null ? "" : text);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    private Optional<InboundMessage> inbound(String sellerId, EbayAccount account, Found f, String orderId) {
        List<Attachment> attachments = f.message.media().stream()
                .map(md -> new Attachment(md.name().isBlank() ? "attachment" : md.name(), contentType(md), 0)).toList();
        try {
            return Optional.of(new InboundMessage(Channel.EBAY, new SellerId(sellerId), account.marketplaceId(), f.message.messageId(),
                    f.conversation.conversationId(), orderId, new Sender(f.message.senderUsername(), null),
                    f.message.subject().isBlank() ? f.conversation.title() : f.message.subject(), f.message.body(), false,
                    attachments, f.message.createdDate()));
        } catch (InvalidInputException e) {
            // never log buyer text: only ids and the field
            LOG.warning(() -> "eBay message " + f.message.messageId() + " of seller " + sellerId + " skipped: " + e.getMessage());
            return Optional.empty();
        }
    }

    static String contentType(EbayMessage.Media media) {
        String guessed = URLConnection.guessContentTypeFromName(media.name());
        if (guessed != null) {
            return guessed;
        }
        return switch (media.type().toUpperCase(Locale.ROOT)) {
            case "PDF" -> "application/pdf";
            case "TXT" -> "text/plain";
            case "DOC" -> "application/msword";
            case "IMAGE" -> "image/jpeg";
            default -> "application/octet-stream";
        };
    }
}
