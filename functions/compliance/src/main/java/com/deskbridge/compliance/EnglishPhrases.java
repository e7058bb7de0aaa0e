package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;
import static com.deskbridge.compliance.RuleId.REVIEW_REQUEST;

import com.deskbridge.intent.Language;

import java.util.Set;

/** English cues. */
final class EnglishPhrases {
    private static final String POSITIVE = "(?:5|five|positive|good|great|glowing|excellent|top|stellar|full|nice)";
    private static final String REVIEW = "(?:reviews?|feedback|ratings?|stars?)";

    private EnglishPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "call us", "give us a (?:call|ring)", "phone us", "ring us", "text us", "dm us", "email us",
                "e-mail us", "(?:send|drop) us (?:an? )?(?:e-?mail|text|sms|dm|direct message)",
                "contact us (?:by|via|on) (?:phone|telephone|e-?mail|whatsapp|mobile)",
                "contact us outside", "(?:outside|off) (?:of )?amazon",
                "(?:visit|check out|browse|see|go to) our (?:own )?(?:web ?site|online (?:shop|store)|web ?shop"
                        + "|homepage|home page|(?:shop|store)(?! on amazon)(?! at amazon))",
                "our (?:web ?site|homepage|online shop|phone number|telephone number|mobile number|e-?mail address)",
                "(?:follow|find|message) us on", "reach us (?:at|on|by)", "(?:buy|order) (?:directly )?from us directly",
                "(?:through|via|on) our (?:web ?site|online shop|web ?shop)");
        x.warn(OFF_AMAZON_CONTACT, "contact us directly", "reach (?:out to )?us directly", "get in touch directly");
        x.block(MARKETING,
                "(?:\\d{1,2} ?%|percent) discount", "discount (?:code|voucher|coupon)",
                "(?:voucher|promotion|promotional|discount|gift) codes?", "vouchers?",
                "on sale", "(?:summer|winter|spring|flash|clearance|big|end of season|special|holiday) sale",
                "sale (?:now|ends|starts|price)", "(?:special|exclusive|limited[- ]time|limited) (?:offers?|deals?"
                        + "|discounts?|promotions?)",
                "(?:check out|take a look at|have a look at|browse|discover|explore|see) our (?:other|new|latest|full"
                        + "|entire|whole|wide) (?:products|items|range|collection|catalog(?:ue)?|listings|line|models)",
                "(?:our )?new collection", "new arrivals", "our new (?:products|range|line|models)",
                "you (?:may|might|will) also (?:like|love|enjoy)", "deal of the (?:day|week)",
                "(?:discount|off|savings?|% off) (?:on|for) your next", "your next (?:order|purchase) with us",
                "upgrade to (?:our |the )?(?:premium|pro|deluxe)", "buy (?:one|two|\\d) get",
                "subscribe to our", "(?:don t|do not) miss (?:out|our)", "promotions?");
        x.blockIn(Set.of(Language.EN, Language.DE), MARKETING, "(?<!the\\s|for\\s|of\\s)sale(?!\\sof\\s)");
        x.block(REVIEW_REQUEST,
                "(?:leave|give|write|post|submit|share|rate|award|drop|reply with|send us)~5" + POSITIVE + " " + REVIEW,
                "(?:would|could|please|kindly|appreciate|grateful|hope|if you)~8(?:5|five) stars?",
                "(?:positive|good|5 star|five star|glowing|great) (?:review|feedback|rating)s? (?:would|will|helps?"
                        + "|means?|really)",
                "in exchange for~3(?:reviews?|feedback|ratings?)", "(?:reviews?|feedback|ratings?) in exchange",
                "(?:refund|voucher|gift|discount|free|compensation|reward)~8(?:if|once|when|after) you~5(?:review"
                        + "|feedback|rating|stars)",
                "(?:remove|change|update|revise|delete|amend|withdraw|retract|edit|reconsider|improve) (?:your|the"
                        + "|this|that)~2(?:reviews?|feedback|ratings?)");
        x.warn(REVIEW_REQUEST,
                "(?:leave|give|write|post|submit|share) (?:us )?(?:a|an|your|some)~1(?:reviews?|feedback|ratings?)",
                "rate us", "rate (?:the|your|this) (?:product|item|purchase)",
                "(?:would|could) you (?:please )?(?:kindly )?review (?:the|our|your) (?:product|item|purchase)");
    }
}
