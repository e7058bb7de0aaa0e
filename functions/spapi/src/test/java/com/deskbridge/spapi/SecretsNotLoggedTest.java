package com.deskbridge.spapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Every log line (all levels) and error message of a busy session is free of LWA credentials and tokens. */
class SecretsNotLoggedTest {

    @Test
    void noCredentialOrTokenReachesLogsOrExceptions() {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter format = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                synchronized (lines) {
                    lines.add(format.format(record));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Logger deskbridge = Logger.getLogger("com.deskbridge");
        Level before = deskbridge.getLevel();
        root.addHandler(capture);
        deskbridge.setLevel(Level.ALL);
        List<Throwable> errors = new ArrayList<>();
        try (SimulatorHarness h = new SimulatorHarness()) {
            SpApiClient client = h.client();
            client.orders().getOrder(h.seller, "028-4711001-0000001");
            h.simulator.revokeAccessTokens();
            client.orders().getOrder(h.seller, "028-4711001-0000001");
            h.simulator.injectFault("orders.getOrder", 429, 1);
            client.orders().getOrder(h.seller, "999-0000000-0000000");
            FeedDocumentUpload upload = client.feeds().createFeedDocument(h.seller, FeedsClient.XML_CONTENT_TYPE);
            errors.add(catchThrowable(() -> client.feeds().uploadFeedDocument(upload, "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
            h.clock.advance(Duration.ofHours(2));
            h.secret = Map.of("client_id", h.clientId, "client_secret", h.clientSecret, "refresh_token", h.refreshToken + "x");
            errors.add(catchThrowable(() -> client.orders().getOrder(h.seller, "028-4711001-0000001")));
            h.secret = Map.of("client_id", h.clientId, "client_secret", h.clientSecret + "x", "refresh_token", h.refreshToken);
            errors.add(catchThrowable(() -> client.orders().getOrder(h.seller, "028-4711001-0000001")));

            assertThat(errors).allSatisfy(e -> assertThat(e).isNotNull());
            List<String> texts = new ArrayList<>(lines);
            for (Throwable e : errors) {
                StringWriter w = new StringWriter();
                e.printStackTrace(new PrintWriter(w));
                texts.add(w.toString());
            }
            assertThat(lines).isNotEmpty();
            String all = String.join("\n", texts);
            assertThat(all).contains("login-with-amazon").contains(SimulatorHarness.SELLER_ID);
            assertThat(all).doesNotContain(h.clientSecret).doesNotContain(h.refreshToken).doesNotContain("Atza|")
                    .doesNotContain("X-Amz-Signature");
        } finally {
            root.removeHandler(capture);
            deskbridge.setLevel(before);
        }
    }
}
