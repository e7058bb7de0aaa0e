package com.deskbridge.domain.ticket;

import java.util.regex.Pattern;

/** The tenant: an Amazon selling partner id or Deskbridge's own seller account id. */
public record SellerId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public SellerId {
        Require.matches(value, VALID, "sellerId", "1-64 letters, digits, '.', '_' or '-'");
    }

    @Override
    public String toString() {
        return value;
    }
}
