package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;

/** Cues that read the same in every language: messenger and social-network names, handles, promo codes. */
final class CommonPhrases {
    private CommonPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "whats ?app", "telegram", "viber", "wechat", "skype", "instagram", "insta", "facebook", "tiktok",
                "snapchat", "linkedin", "twitter", "fb messenger", "messenger",
                "(?<![a-z0-9._%+-])@[a-z0-9_]{3,30}");
        x.block(MARKETING,
                "\\d{1,2} ?% ?(?:off|rabatt|sconto|descuento|de descuento|de reduction|de remise|di sconto)",
                "black friday", "cyber monday", "prime day deals?", "newsletter", "coupon(?:s|code)?",
                "promo ?codes?", "(?:use|enter|apply|verwenden sie|nutzen sie|utilisez|utilizza|usa|utilice) (?:the |our |den "
                        + "|le |il |el |notre |nostro |nuestro )?(?:code|codice|codigo)");
    }
}
