package com.deskbridge.orderactions.feed;

import com.deskbridge.orderactions.FeedType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * Groups pending actions into as few feeds as possible, because createFeed allows a burst of 15 and then about
 * one call per 120 s per seller and application (https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits): actions are grouped by (seller,
 * marketplace, feed type), in queue order, into feeds of at most {@code maxMessagesPerFeed} messages numbered 1..n.
 * The createFeed limit applies per selling partner, so the caller says how many createFeed calls each seller may
 * make now and only that many feeds are planned per seller; feeds are taken round-robin (every group gets its first
 * feed before any group gets its second, oldest group first), so refunds never wait behind a long run of
 * cancellations or another marketplace. Deterministic for the same input; pure (the caller owns the rate limiter
 * and the queue).
 */
public final class FeedBatcher {

    /** createFeed burst (https://developer-docs.amazon.com/sp-api/docs/feeds-api-rate-limits). */
    public static final int CREATE_FEED_BURST = 15;

    private final int maxMessagesPerFeed;

    public FeedBatcher(int maxMessagesPerFeed) {
        if (maxMessagesPerFeed < 1) {
            throw new IllegalArgumentException("maxMessagesPerFeed must be positive");
        }
        this.maxMessagesPerFeed = maxMessagesPerFeed;
    }

    /**
     * Plans with one budget shared by all the actions' sellers (for a caller that drains one seller at a time).
     *
     * @param pending    actions in queue order (oldest first); action ids must be unique
     * @param feedTokens createFeed calls the caller may make now
     */
    public BatchPlan plan(List<PendingAction> pending, int feedTokens) {
        if (feedTokens < 0) {
            throw new IllegalArgumentException("feedTokens must not be negative");
        }
        int[] left = {feedTokens};
        return plan(pending, seller -> left[0], seller -> left[0]--);
    }

    /**
     * Plans with a createFeed budget per seller.
     *
     * @param pending        actions in queue order (oldest first); action ids must be unique
     * @param tokensBySeller createFeed calls each seller may make now (negative counts as zero)
     */
    public BatchPlan planPerSeller(List<PendingAction> pending, ToIntFunction<String> tokensBySeller) {
        Map<String, Integer> left = new LinkedHashMap<>();
        return plan(pending, seller -> left.computeIfAbsent(seller, tokensBySeller::applyAsInt),
                seller -> left.merge(seller, -1, Integer::sum));
    }

    private BatchPlan plan(List<PendingAction> pending, ToIntFunction<String> tokensLeft, Consumer<String> spend) {
        Set<String> ids = new HashSet<>();
        Map<Key, List<PendingAction>> groups = new LinkedHashMap<>();
        for (PendingAction p : pending) {
            if (!ids.add(p.actionId())) {
                throw new IllegalArgumentException("duplicate action id " + p.actionId());
            }
            var a = p.action();
            groups.computeIfAbsent(new Key(a.sellerId(), a.marketplaceId(), a.feedType()), k -> new ArrayList<>()).add(p);
        }
        List<List<PlannedFeed>> chunksPerGroup = new ArrayList<>();
        for (Map.Entry<Key, List<PendingAction>> g : groups.entrySet()) {
            chunksPerGroup.add(chunks(g.getKey(), g.getValue()));
        }
        List<PlannedFeed> roundRobin = new ArrayList<>();
        for (int round = 0; ; round++) {
            boolean any = false;
            for (List<PlannedFeed> chunks : chunksPerGroup) {
                if (round < chunks.size()) {
                    roundRobin.add(chunks.get(round));
                    any = true;
                }
            }
            if (!any) {
                break;
            }
        }
        List<PlannedFeed> now = new ArrayList<>();
        for (PlannedFeed feed : roundRobin) {
            if (tokensLeft.applyAsInt(feed.sellerId()) > 0) {
                spend.accept(feed.sellerId());
                now.add(feed);
            }
        }
        Set<String> planned = new HashSet<>();
        now.forEach(f -> f.messages().forEach(m -> planned.add(m.action().actionId())));
        List<PendingAction> deferred = pending.stream().filter(p -> !planned.contains(p.actionId())).toList();
        return new BatchPlan(now, deferred);
    }

    private List<PlannedFeed> chunks(Key key, List<PendingAction> actions) {
        List<PlannedFeed> feeds = new ArrayList<>();
        for (int from = 0; from < actions.size(); from += maxMessagesPerFeed) {
            List<PendingAction> slice = actions.subList(from, Math.min(actions.size(), from + maxMessagesPerFeed));
            List<Numbered<PendingAction>> numbered = new ArrayList<>();
            for (int i = 0; i < slice.size(); i++) {
                numbered.add(new Numbered<>(i + 1, slice.get(i)));
            }
            feeds.add(new PlannedFeed(key.sellerId(), key.marketplaceId(), key.feedType(), numbered));
        }
        return feeds;
    }

    private record Key(String sellerId, String marketplaceId, FeedType feedType) {
    }
}
