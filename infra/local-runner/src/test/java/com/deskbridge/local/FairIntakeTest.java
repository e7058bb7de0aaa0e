package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * One seller's flood through the running local system: its messages beyond its share go the overflow way and still
 * all become tickets; another seller's message is not lost behind them. (The time it saves is measured by
 * {@link FairIntakeBenchmarkTest}; no timing is asserted here.)
 */
class FairIntakeTest {

    @Test
    void aFloodingSellersMessagesAllBecomeTicketsAndTheOtherSellerIsServed() throws Exception {
        LocalRunner system = RunningSystem.get();
        long n = System.nanoTime();
        String flooder = "flood-" + n;
        String quiet = "quiet-" + n;
        int flood = 300; // more than two minutes' share (120 a minute), whatever minute the burst falls into

        java.util.List<String> gated = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                gated.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger gateLog = java.util.logging.Logger.getLogger("com.deskbridge.intake.FloodGate");
        gateLog.addHandler(capture);
        long start = System.nanoTime();
        Flood.send(system, flooder, flood);
        Flood.send(system, quiet, 1);

        assertThat(Flood.millisUntil(system, quiet, 1, start, Duration.ofSeconds(120))).as("the quiet seller's ticket").isNotNegative();
        assertThat(Flood.millisUntil(system, flooder, flood, start, Duration.ofSeconds(180)))
                .as("every message of the flood, through the overflow queue or not").isNotNegative();
        assertThat(Flood.openTickets(system, flooder, flood + 10)).isEqualTo(flood);
        assertThat(system.stack().sqsClient().getQueueAttributes(r -> r.queueUrl(system.stack().queueUrl("IntakeOverflowQueue"))
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages")).isEqualTo("0");
        gateLog.removeHandler(capture);
        assertThat(gated).as("the flood went the overflow way").anySatisfy(line -> assertThat(line)
                .contains("over its share").contains(flooder));
        assertThat(gated).noneSatisfy(line -> assertThat(line).contains(quiet));
    }
}
