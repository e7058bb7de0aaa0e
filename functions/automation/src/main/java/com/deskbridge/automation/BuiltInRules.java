package com.deskbridge.automation;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.intent.Intent;
import com.deskbridge.logistics.FulfilmentChannel;
import com.deskbridge.macros.BuiltInMacros;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deskbridge's own automatic-reply rules (issue 3, product.md §4). A seller can switch each off
 * ({@link SellerAutomationSettings.Builder#disableBuiltIn}).
 * <ul>
 *   <li>{@link #WISMO_FBM}: "where is my order" on Amazon, seller-fulfilled order, tracking known → the FBM shipping
 *       update with carrier, tracking number, status and expected delivery as plain text (a carrier link only when
 *       the seller enabled carrier links, https://sellercentral.amazon.com/help/hub/reference/external/G200383320);</li>
 *   <li>{@link #WISMO_FBA}: the same on an Amazon-fulfilled order → the macro referring the buyer to Amazon's
 *       customer service with the tracking number (Amazon handles FBA delivery questions);</li>
 *   <li>{@link #WEEKEND_ACKNOWLEDGEMENT}: any message except positive feedback (nothing to answer), received Friday
 *       20:00 – Monday 08:00 seller time while the seller is closed → the acknowledgement stating the day of the
 *       seller's next opening ({@link AcknowledgementTemplate}).</li>
 * </ul>
 * MCF orders get no built-in answer: their buyers come from another shop, so neither "Your Orders in your Amazon
 * account" nor "ask Amazon's customer service" is right for them.
 */
public final class BuiltInRules {
    public static final String WISMO_FBM = "builtin-wismo-fbm";
    public static final String WISMO_FBA = "builtin-wismo-fba";
    public static final String WEEKEND_ACKNOWLEDGEMENT = "builtin-weekend-acknowledgement";
    /** Friday 20:00 to Monday 08:00 in the seller's time zone. */
    public static final WeeklyRange WEEKEND = WeeklyRange.parse("FRI 20:00", "MON 08:00");

    private static final String WISMO = Intent.WHERE_IS_MY_ORDER.name();
    private static final List<AutoReplyRule> ALL = List.of(
            new AutoReplyRule(WISMO_FBM, Set.of(WISMO), Set.of(Channel.AMAZON), List.of(),
                    Set.of(DataRequirement.TRACKING_KNOWN), Set.of(FulfilmentChannel.FBM),
                    BuiltInMacros.FBM_SHIPPING_UPDATE, true),
            new AutoReplyRule(WISMO_FBA, Set.of(WISMO), Set.of(Channel.AMAZON), List.of(),
                    Set.of(DataRequirement.TRACKING_KNOWN), Set.of(FulfilmentChannel.FBA),
                    BuiltInMacros.FBA_AMAZON_SUPPORT, true),
            new AutoReplyRule(WEEKEND_ACKNOWLEDGEMENT, Arrays.stream(Intent.values())
                    .filter(i -> i != Intent.POSITIVE_FEEDBACK).map(Intent::name).collect(Collectors.toSet()),
                    Set.of(), List.of(WEEKEND), Set.of(), Set.of(), AcknowledgementTemplate.ID, true));

    /** Ids starting with this are reserved for built-in rules. */
    public static final String ID_PREFIX = "builtin-";

    private BuiltInRules() {
    }

    /** Every built-in rule. */
    public static List<AutoReplyRule> all() {
        return ALL;
    }

    /** The ids of the built-in rules. */
    public static Set<String> ids() {
        return ALL.stream().map(AutoReplyRule::id).collect(Collectors.toUnmodifiableSet());
    }
}
