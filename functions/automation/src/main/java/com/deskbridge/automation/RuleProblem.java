package com.deskbridge.automation;

/**
 * One reason a seller's automation settings are rejected.
 *
 * @param field  the offending field, e.g. {@code rules[2].windows[0].start}
 * @param reason what is wrong, in English
 */
public record RuleProblem(String field, String reason) {
    /** One line for the seller: "rules[2].windows[0].start has an unknown day 'FRX'". */
    public String describe() {
        return field + " " + reason;
    }
}
