package com.deskbridge.intent;

/** A throughput measurement: {@code messages} classified in {@code nanos} nanoseconds of wall-clock time. */
public record Throughput(long messages, long nanos) {
    public double messagesPerSecond() {
        return nanos == 0 ? 0 : messages * 1_000_000_000.0 / nanos;
    }
}
