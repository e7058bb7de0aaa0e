package com.deskbridge.compliance;

/** The explanation and safer alternative shown for phrase findings, by rule and severity. */
final class Advice {
    private Advice() {
    }

    static String explanation(RuleId rule, Severity severity) {
        return switch (rule) {
            case OFF_AMAZON_CONTACT -> severity == Severity.BLOCK
                    ? "Directs the buyer off Amazon (messenger, social network, phone, e-mail or own website)."
                    : "May read as an invitation to contact the seller outside Amazon.";
            case MARKETING -> "Marketing content: promotions, discounts, coupons, cross-selling and upselling are not "
                    + "allowed in buyer messages.";
            case REVIEW_REQUEST -> severity == Severity.BLOCK
                    ? "Asks for a positive, incentivised or changed review/feedback, which Amazon prohibits."
                    : "Asks for a review or feedback: allowed at most once per order and only neutrally, through "
                    + "Amazon's \"Request a Review\".";
            default -> "Breaks Amazon's Buyer-Seller Messaging rules.";
        };
    }

    static String alternative(RuleId rule, Severity severity) {
        return switch (rule) {
            case OFF_AMAZON_CONTACT -> "Ask the buyer to use the Amazon messaging thread: \"Please reply to this "
                    + "message if you need anything else.\"";
            case MARKETING -> "Remove the promotion and answer only the buyer's question about this order.";
            case REVIEW_REQUEST -> severity == Severity.BLOCK
                    ? "Remove the request; if a review is wanted, use Amazon's neutral \"Request a Review\" once per "
                    + "order."
                    : "Leave review requests to Amazon's \"Request a Review\" button; a neutral \"We hope you are "
                    + "satisfied\" is fine.";
            default -> "Remove the content.";
        };
    }
}
