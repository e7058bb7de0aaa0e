package com.deskbridge.carriers;

import com.deskbridge.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.logistics.Carrier;
import com.deskbridge.logistics.IncidentReason;
import com.deskbridge.logistics.TrackingSnapshot;
import com.deskbridge.logistics.TrackingSource;
import com.deskbridge.logistics.TrackingStatus;
import com.deskbridge.logistics.TrackingUpstream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * UPS's own OpenAPI files (../shared/reference/carriers/ups): Tracking.yaml has no whole example response, only an
 * example per field, so the example TrackApiResponse is assembled from those; UPSTrackAlert.yaml has a complete
 * webhook example and the error format. Also checks that the simulator's answers use only fields of the spec.
 */
class UpsSpecExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Map<String, Object> tracking;
    private static Map<String, Object> trackAlert;

    @BeforeAll
    static void load() throws IOException {
        Path ups = Path.of(System.getProperty("deskbridge.root", ".")).toAbsolutePath().normalize()
                .resolveSibling("shared").resolve("reference").resolve("carriers").resolve("ups");
        Assumptions.assumeTrue(Files.isRegularFile(ups.resolve("Tracking.yaml")),
                "../shared/reference/carriers/ups not found: " + ups + " (UPS spec tests skipped)");
        tracking = read(ups.resolve("Tracking.yaml"));
        trackAlert = read(ups.resolve("UPSTrackAlert.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml().load(r);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> spec, String name) {
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec.get("components")).get("schemas")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> spec, Map<String, Object> s) {
        Object ref = s.get("$ref");
        if (ref instanceof String r) {
            return resolve(spec, schema(spec, r.substring(r.lastIndexOf('/') + 1)));
        }
        return s;
    }

    /** An instance built from the schema's per-field examples (fields without an example are left out). */
    @SuppressWarnings("unchecked")
    private static Object example(Map<String, Object> spec, Map<String, Object> raw, int depth) {
        Map<String, Object> s = resolve(spec, raw);
        if (s.containsKey("example")) {
            return s.get("example");
        }
        if (depth > 16) {
            return null;
        }
        if ("array".equals(s.get("type")) && s.get("items") instanceof Map<?, ?> items) {
            Object item = example(spec, (Map<String, Object>) items, depth + 1);
            return item == null ? null : List.of(item);
        }
        if (s.get("properties") instanceof Map<?, ?> props) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) props).forEach((k, v) -> {
                Object e = example(spec, (Map<String, Object>) v, depth + 1);
                if (e != null && !(e instanceof Map<?, ?> m && m.isEmpty())) {
                    out.put(k, e);
                }
            });
            return out.isEmpty() ? null : out;
        }
        return null;
    }

    private static UpsTrackingAdapter adapter() {
        return new UpsTrackingAdapter(new CarrierSettings.Endpoint(URI.create("http://127.0.0.1:1/ups"), "unused"),
                name -> Map.of(), new com.deskbridge.http.UpstreamHttp("ups", Harness.CLIENT,
                        com.deskbridge.http.Backoff.standard(new java.util.Random(1)), d -> { }, java.time.Duration.ZERO, null),
                () -> com.deskbridge.http.Quota.GRANTED, new MutableClock(Instant.EPOCH), null, "test");
    }

    @Test
    void exampleTrackApiResponseFromTheSpecIsRead() {
        Object example = example(tracking, schema(tracking, "TrackApiResponse"), 0);
        JsonNode root = JSON.valueToTree(example);
        assertThat(root.at("/trackResponse/shipment/0/package/0/activity/0/status/code").asText()).isEqualTo("SR");
        Instant now = Instant.parse("2021-02-11T00:00:00Z");
        TrackingSource.TrackingResult r = adapter().parse(Carrier.UPS, "1Z023E2X0214323462", root, now);
        assertThat(r).isInstanceOf(TrackingSource.Found.class);
        TrackingSnapshot s = ((TrackingSource.Found) r).snapshot();
        // currentStatus example: type X, code SR "Your package was released by the customs agency."
        assertThat(s.status()).isEqualTo(TrackingStatus.EXCEPTION);
        assertThat(s.rawStatusCode()).isEqualTo("SR");
        assertThat(s.incidentReason()).isEqualTo(IncidentReason.CUSTOMS_DELAY);
        assertThat(s.events()).hasSize(1);
        // gmtDate '20210210' + gmtTime '74700' (HHMMSS without its leading zero)
        assertThat(s.events().get(0).occurredAt()).isEqualTo(Instant.parse("2021-02-10T07:47:00Z"));
        assertThat(s.events().get(0).location()).isEqualTo("Wayne, NJ, US");
        assertThat(s.lastLocation()).isEqualTo("Wayne, NJ, US");
    }

    @Test
    @SuppressWarnings("unchecked")
    void trackAlertWebhookExamplesMap() {
        Map<String, TrackingStatus> expected = Map.of("OT", TrackingStatus.OUT_FOR_DELIVERY, "FS", TrackingStatus.DELIVERED);
        List<Map<String, Object>> found = new ArrayList<>();
        collect(trackAlert, "activityStatus", found);
        assertThat(found).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> event : found) {
            Map<String, Object> status = (Map<String, Object>) event.get("activityStatus");
            String code = (String) status.get("code");
            assertThat(expected).as("example code %s", code).containsKey(code);
            assertThat(UpsStatusMap.map((String) status.get("type"), code, (String) status.get("description")).status())
                    .isEqualTo(expected.get(code));
        }
    }

    /** Example objects (not schemas) that carry {@code key} with a concrete value. */
    @SuppressWarnings("unchecked")
    private static void collect(Object node, String key, List<Map<String, Object>> out) {
        if (node instanceof Map<?, ?> m) {
            Object v = m.get(key);
            if (v instanceof Map<?, ?> inner && inner.get("type") instanceof String && !m.containsKey("properties")
                    && !inner.containsKey("properties")) {
                out.add((Map<String, Object>) m);
            }
            m.values().forEach(x -> collect(x, key, out));
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collect(x, key, out));
        }
    }

    @Test
    void simulatorSpeaksTheSpecsShapes() throws Exception {
        try (Harness h = Harness.demo()) {
            assertThat(h.registry.track(Carrier.UPS, "1ZDB00000000000011")).isInstanceOf(TrackingSource.Found.class);
            // a raw call with a fresh token to look at the wire
            String token = JSON.readTree(Harness.CLIENT.send(HttpRequest.newBuilder(URI.create(h.sim.baseUrl("ups") + "/security/v1/oauth/token"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("demo-ups-client:demo-ups-secret".getBytes()))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).path("access_token").asText();
            for (String number : List.of("1ZDB00000000000011", "1ZDB00000000000022", "1ZDB00000000000044")) {
                HttpResponse<String> ok = get(h, number, token);
                assertThat(ok.statusCode()).isEqualTo(200);
                conforms(JSON.readTree(ok.body()), schema(tracking, "TrackApiResponse"), "$");
            }
            HttpResponse<String> missing = get(h, "1ZDB00000000009999", token);
            assertThat(missing.statusCode()).isEqualTo(404);
            JsonNode error = JSON.readTree(missing.body());
            conforms(error, schema(tracking, "Response"), "$");
            conforms(error, schema(trackAlert, "ErrorMessage"), "$");
            assertThat(error.at("/response/errors/0/code").asText()).isNotBlank();
            assertThat(error.at("/response/errors/0/message").asText()).isNotBlank();
            assertThat(h.calls(TrackingUpstream.UPS)).isEqualTo(5);
        }
    }

    private static HttpResponse<String> get(Harness h, String number, String token) throws Exception {
        return Harness.CLIENT.send(HttpRequest.newBuilder(URI.create(h.sim.baseUrl("ups") + "/api/track/v1/details/" + number))
                .header("Authorization", "Bearer " + token).header("transId", "t1").header("transactionSrc", "test").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Every field of {@code node} is declared by {@code schema} (recursively). */
    @SuppressWarnings("unchecked")
    private void conforms(JsonNode node, Map<String, Object> raw, String path) {
        Map<String, Object> s = resolve(currentSpec(raw), raw);
        if (node.isArray()) {
            Map<String, Object> items = (Map<String, Object>) s.get("items");
            assertThat(items).as(path + " is an array in the spec").isNotNull();
            for (JsonNode n : node) {
                conforms(n, items, path + "[]");
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (s.get("properties") instanceof Map<?, ?> p) {
            props.putAll((Map<String, Object>) p);
        }
        if (s.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                Map<String, Object> r = resolve(currentSpec(raw), (Map<String, Object>) part);
                if (r.get("properties") instanceof Map<?, ?> p) {
                    props.putAll((Map<String, Object>) p);
                }
            }
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            assertThat(props).as("%s.%s is declared in the UPS spec", path, field).containsKey(field);
            conforms(node.get(field), (Map<String, Object>) props.get(field), path + "." + field);
        }
    }

    /** Which of the two specs a schema fragment belongs to (refs resolve within their own file). */
    private static Map<String, Object> currentSpec(Map<String, Object> fragment) {
        return containsFragment(trackAlert, fragment) ? trackAlert : tracking;
    }

    private static boolean containsFragment(Object node, Object fragment) {
        if (node == fragment) {
            return true;
        }
        if (node instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                if (containsFragment(v, fragment)) {
                    return true;
                }
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                if (containsFragment(v, fragment)) {
                    return true;
                }
            }
        }
        return false;
    }
}
