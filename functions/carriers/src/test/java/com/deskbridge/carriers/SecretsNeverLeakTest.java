package com.deskbridge.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.CarrierBudgets;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingUpstream;
import com.deskbridge.sim.carriers.CarrierSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs every adapter through success, token expiry, wrong credentials, outages and used-up quotas with all
 * java.util.logging output captured at the finest level, then scans the log, every Unavailable reason and every
 * exception text for the secret values.
 */
class SecretsNeverLeakTest {

    private final List<String> captured = new ArrayList<>();
    private final Handler handler = new Handler() {
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder sb = new StringBuilder(formatter.format(record));
            if (record.getThrown() != null) {
                StringWriter w = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
            synchronized (captured) {
                captured.add(sb.toString());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private final Logger deskbridge = Logger.getLogger("com.deskbridge");
    private Level rootLevel;

    @BeforeEach
    void capture() {
        rootLevel = root.getLevel();
        handler.setLevel(Level.ALL);
        root.addHandler(handler);
        root.setLevel(Level.ALL);
        deskbridge.setLevel(Level.ALL);
    }

    @AfterEach
    void release() {
        root.removeHandler(handler);
        root.setLevel(rootLevel);
        deskbridge.setLevel(null);
    }

    @Test
    void noSecretValueAppearsAnywhere() {
        List<String> texts = new ArrayList<>();
        List<String> secretValues = new ArrayList<>();
        Harness.demoSecrets().values().forEach(m -> secretValues.addAll(m.values()));
        // 1. everything works, then tokens expire, then outages, then quotas run out
        CarrierBudgets tiny = CarrierBudgets.documented();
        for (TrackingUpstream u : TrackingUpstream.values()) {
            tiny = tiny.with(new CarrierBudgets.Budget(u, List.of(new CarrierBudgets.RateLimit(6, java.time.Duration.ofDays(1))), 0, true, "test"));
        }
        try (Harness h = new Harness(CarrierSimulator.demoWorld(), tiny, Harness.demoSecrets())) {
            for (TrackingUpstream u : TrackingUpstream.values()) {
                String key = CarrierSettings.key(u);
                texts.add(describe(track(h, u)));
                h.sim.revokeTokens(key);
                texts.add(describe(track(h, u)));
                h.sim.injectFaults(key, 500, 4);
                texts.add(describe(track(h, u)));
                for (int i = 0; i < 3; i++) {
                    texts.add(describe(track(h, u)));
                }
            }
        }
        // 2. every credential wrong
        Map<String, Map<String, String>> wrong = new HashMap<>();
        Harness.demoSecrets().forEach((name, fields) -> {
            Map<String, String> w = new HashMap<>();
            fields.forEach((k, v) -> w.put(k, "wrong-" + v));
            wrong.put(name, w);
            secretValues.addAll(w.values());
        });
        try (Harness h = new Harness(CarrierSimulator.demoWorld(), CarrierBudgets.documented(), wrong)) {
            for (TrackingUpstream u : TrackingUpstream.values()) {
                texts.add(describe(track(h, u)));
                // 3. a seller's credentials under test (PUT /sellers/{id}/carriers/{carrier}): right, wrong, carrier down
                String key = CarrierSettings.key(u);
                texts.add(h.registry.check(u, Harness.demoSecrets().get("deskbridge/carriers/" + key)).toString());
                texts.add(h.registry.check(u, wrong.get("deskbridge/carriers/" + key)).toString());
                h.sim.injectFaults(key, 503, 8);
                texts.add(h.registry.check(u, Harness.demoSecrets().get("deskbridge/carriers/" + key)).toString());
            }
        }
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Rejected"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("rejected the credentials"));
        assertThat(texts).anySatisfy(t -> assertThat(t).contains("quota used up"));
        assertThat(captured).isNotEmpty();
        List<String> all = new ArrayList<>(texts);
        synchronized (captured) {
            all.addAll(captured);
        }
        for (String text : all) {
            for (String secret : secretValues) {
                assertThat(text).as("log or reason leaks a secret").doesNotContain(secret);
            }
        }
    }

    private static TrackingSource.TrackingResult track(Harness h, TrackingUpstream u) {
        return h.registry.track(AdapterResilienceTest.carrierOf(u), AdapterResilienceTest.KNOWN.get(u));
    }

    private static String describe(TrackingSource.TrackingResult r) {
        return r.toString();
    }
}
