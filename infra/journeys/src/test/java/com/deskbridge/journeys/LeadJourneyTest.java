package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** A lead's day: reply settings, tag rules and the SLA policy (agents refused, invalid documents refused), then the metrics. */
@ResourceLock(JourneySystem.SOUTH)
class LeadJourneyTest extends Journey {
    private static final String SHOP = "journey-lead-shop";

    @Test
    @DisplayName("settings as a lead: reply settings and tag rules stored and in effect on the next message; agents' and invalid changes refused, nothing changed")
    void aLeadChangesTheSettingsAndAgentsCannot() {
        // A shop of its own: intake caches a seller's settings for up to a minute (DynamoDbSellerSettings.CACHE_FOR), so
        // for a seller whose rules intake already read, a change takes effect only within that minute.
        String lead = leadToken(SHOP);
        String agent = agentToken(SHOP);

        Map<String, Object> settings = Map.of("shopName", "Nordlicht Haushalt", "defaultLanguage", "de", "carrierLinks", false,
                "autoReplies", false);
        assertThat(api.put("/reply-settings", lead, settings).status()).isEqualTo(200);
        JsonNode stored = api.get("/reply-settings", agent).json();
        assertThat(stored.path("default").asBoolean()).isFalse();
        assertThat(stored.path("replySettings").path("shopName").asText()).isEqualTo("Nordlicht Haushalt");

        Map<String, Object> rules = Map.of("rules", List.of(Map.of("name", "warranty", "kind", "KEYWORD", "pattern", "garantie",
                "tag", "warranty")));
        assertThat(api.put("/tag-rules", lead, rules).status()).isEqualTo(200);

        JsonNode tagRules = api.get("/tag-rules", agent).json();
        JsonNode policy = api.get("/sla-policy", agent).json();
        Api.Response agentRules = api.put("/tag-rules", agent, Map.of("rules", List.of()));
        assertThat(agentRules.status()).as("settings are for leads").isEqualTo(403);
        Api.Response agentPolicy = api.put("/sla-policy", agent, Map.of("timeZone", "UTC"));
        assertThat(agentPolicy.status()).isEqualTo(403);
        Api.Response agentSettings = api.put("/reply-settings", agent, Map.of("shopName", "Hijacked"));
        assertThat(agentSettings.status()).isEqualTo(403);
        Api.Response badZone = api.put("/sla-policy", lead, Map.of("timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(badZone.json().path("field").asText()).isEqualTo("timeZone");
        Api.Response badRegex = api.put("/tag-rules", lead, Map.of("rules", List.of(Map.of("name", "x", "kind", "REGEX",
                "pattern", "(a+)+$", "tag", "x"))));
        assertThat(badRegex.status()).isEqualTo(400);
        assertThat(api.get("/tag-rules", agent).json()).as("refused changes changed nothing").isEqualTo(tagRules);
        assertThat(api.get("/sla-policy", agent).json()).isEqualTo(policy);
        assertThat(api.get("/reply-settings", agent).json()).isEqualTo(stored);

        String externalId = intake.channelMessage(agent, "amazon", SHOP, "A1PA6795UKMFR9", null, null,
                "g1a2r3a4n5t6i7e@marketplace.amazon.de", "Garantie", "Gilt die Garantie auch für den Akku?");
        JsonNode ticket = ticketWithMessage(agent, externalId);
        assertThat(ticket.path("tags")).as("the lead's rule tagged the next message").anyMatch(t -> t.asText().equals("warranty"));
    }

    @Test
    @DisplayName("metrics as a lead: an answered ticket counts in today's response metrics; the nightly reports' route answers; agents refused")
    void aLeadReadsTheMetrics() {
        String lead = leadToken(SOUTH);
        String agent = agentToken(SOUTH);
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.HOURS);
        String externalId = intake.channelMessage(agent, "amazon", SOUTH, "ATVPDKIKX0DER", null, null,
                "m1e2t3r4i5c6s7x@marketplace.amazon.com", "Gift wrap?", "Can you gift wrap the backpack?");
        String id = ticketWithMessage(agent, externalId).path("id").asText();
        assertThat(api.post("/tickets/" + id + "/replies", agent, Map.of("text", "Yes, we can gift wrap it for you."),
                "journey-metrics-" + System.nanoTime()).status()).isEqualTo(202);

        String window = "/metrics/sla?from=" + from + "&to=" + Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(api.get(window, agent).status()).as("metrics are for leads").isEqualTo(403);
        JsonNode metrics = await("the answer counted", () -> api.get(window, lead).json(),
                m -> m.path("overall").path("answered").asInt() >= 1);
        assertThat(metrics.path("overall").path("messages").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("overall").path("answeredWithin24h").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(metrics.path("byChannel").has("amazon")).isTrue();
        assertThat(metrics.path("byAgent").has("agent-" + SOUTH)).isTrue();

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(api.get("/metrics/sla/daily?from=" + today, agent).status()).isEqualTo(403);
        assertThat(api.get("/metrics/sla/daily?from=" + today, lead).json().path("days").isArray()).isTrue();
    }
}
