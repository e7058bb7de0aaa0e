package com.deskbridge.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.localaws.ProjectRoot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Seller B's time to ticket behind a 2,000-message flood from seller A on the local system, without the flood gate
 * (IntakeTenantSharePerMinute 0) and with it (the template's default), each on a fresh local system in this run;
 * prints the ratio. No timing is asserted. Run it alone (it starts its own local systems):
 * {@code mvn -B -o -pl infra/local-runner -am verify -Dtest=FairIntakeBenchmarkTest -Ddeskbridge.benchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class FairIntakeBenchmarkTest {
    private static final int FLOOD = 2_000;

    @Test
    @EnabledIfSystemProperty(named = "deskbridge.benchmark", matches = "true")
    void theQuietSellersTimeToTicketWithAndWithoutTheGate() throws Exception {
        long without = run("0");
        long with = run(null);
        System.out.printf("[fairness] seller B's one message behind seller A's %d: time to ticket without the flood gate %d ms,"
                + " with it %d ms; ratio %.1f%n", FLOOD, without, with, (double) without / with);
        assertThat(without).isPositive();
        assertThat(with).isPositive();
    }

    /** @param share IntakeTenantSharePerMinute, or null for the template's default */
    private static long run(String share) throws Exception {
        RunnerOptions options = RunnerOptions.ephemeral(ProjectRoot.find());
        if (share != null) {
            options = options.withParameter("IntakeTenantSharePerMinute", share);
        }
        try (LocalRunner system = LocalRunner.start(options)) {
            long n = System.nanoTime();
            String flooder = "bench-a-" + n;
            String quiet = "bench-b-" + n;
            long floodStart = System.nanoTime();
            Flood.send(system, flooder, FLOOD);
            long start = System.nanoTime();
            Flood.send(system, quiet, 1);
            long quietMillis = Flood.millisUntil(system, quiet, 1, start, Duration.ofMinutes(10));
            long floodMillis = Flood.millisUntil(system, flooder, FLOOD, floodStart, Duration.ofMinutes(15));
            System.out.printf("[fairness] share %s: B's ticket after %d ms; all of A's %d after %d ms%n",
                    share == null ? "default" : share, quietMillis, FLOOD, floodMillis);
            return quietMillis;
        }
    }
}
