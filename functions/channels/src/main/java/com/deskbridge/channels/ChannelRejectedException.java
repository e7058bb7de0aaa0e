package com.deskbridge.channels;

/**
 * The channel refused a request for good: retrying the same request cannot succeed. {@link #code()} is the channel's
 * own error code (eBay {@code errorId}, Shopify {@code userErrors[].code} or field), shown to the agent with the
 * channel's message.
 */
public class ChannelRejectedException extends RuntimeException {

    private final String code;

    public ChannelRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
