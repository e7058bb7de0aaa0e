package com.deskbridge.domain.ticket;

/**
 * Who wrote a message. For Amazon this is the buyer's anonymised relay alias
 * ({@code abc123@marketplace.amazon.de}); for other channels the channel's buyer handle or e-mail address.
 */
public record Sender(String address, String displayName) {
    public Sender {
        address = BuyerText.line(address); // as shown to agents: no control, bidi or invisible characters
        Require.nonBlank(address, "sender.address");
        Require.maxLength(address, 320, "sender.address");
        displayName = BuyerText.line(displayName);
        Require.maxLength(displayName, 200, "sender.displayName");
    }
}
