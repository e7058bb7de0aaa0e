package com.deskbridge.compliance;

/** The stable identifiers of the Buyer–Seller Messaging rules the {@link ComplianceChecker} enforces. */
public enum RuleId {
    /** A URL, bare domain or obfuscated domain that is not Amazon's own (or an allowed carrier's). */
    EXTERNAL_LINK,
    /** An e-mail address, plain or obfuscated ("name at domain dot com", "name(at)domain.de"). */
    EMAIL_ADDRESS,
    /** A telephone number in international or national format. */
    PHONE_NUMBER,
    /** An invitation to continue off Amazon: messengers, social handles, "call us", "visit our website". */
    OFF_AMAZON_CONTACT,
    /** An emoji or other pictograph. */
    EMOJI_OR_PICTOGRAPH,
    /** Promotions, discounts, coupon codes, sales, cross-selling and upselling. */
    MARKETING,
    /** A request for a review or feedback, above all a positive, incentivised or "change your rating" one. */
    REVIEW_REQUEST,
    /** An attachment of a type Amazon does not deliver. */
    ATTACHMENT_TYPE,
    /** An attachment larger than 10 MB ({@link ComplianceChecker#MAX_ATTACHMENT_BYTES}). */
    ATTACHMENT_SIZE
}
