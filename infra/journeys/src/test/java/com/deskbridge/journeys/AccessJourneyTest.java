package com.deskbridge.journeys;

import static com.deskbridge.journeys.JourneySystem.NORTH;
import static com.deskbridge.journeys.JourneySystem.SOUTH;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Who may do what: another seller's ticket is not there, a token naming no seller is refused, no token is unauthorised. */
@ResourceLock(JourneySystem.NORTH)
@ResourceLock(JourneySystem.SOUTH)
class AccessJourneyTest extends Journey {

    @Test
    @DisplayName("another seller's ticket does not exist for you (404), writes to it change nothing for either seller; a token naming no seller gets 403")
    void sellersCannotReachEachOther() {
        String north = agentToken(NORTH);
        String south = agentToken(SOUTH);
        String externalId = intake.channelMessage(north, "amazon", NORTH, "A1PA6795UKMFR9", null, "028-5100002-0000002",
                "t1e2n3a4n5t6x7y@marketplace.amazon.de", "Tenant", "Ist das meine Bestellung?");
        String id = ticketWithMessage(north, externalId).path("id").asText();

        Tenant northBefore = Tenant.snapshot(api, north);
        Tenant southBefore = Tenant.snapshot(api, south);
        assertThat(api.get("/tickets/" + id, south).status()).isEqualTo(404);
        assertThat(api.get("/tickets/" + id + "/evidence", south).status()).isEqualTo(404);
        assertThat(api.post("/tickets/" + id + "/replies", south, Map.of("text", "Hello from the wrong shop"),
                "journey-cross-" + System.nanoTime()).status()).isEqualTo(404);
        assertThat(api.post("/tickets/" + id + "/refunds", south, Map.of("orderId", "028-5100002-0000002", "reason", "CustomerReturn",
                "full", true), "journey-cross-refund-" + System.nanoTime()).status()).isEqualTo(404);
        assertThat(api.post("/tickets/" + id + "/close", south, null).status()).isEqualTo(404);
        Tenant.assertUnchanged(northBefore, Tenant.snapshot(api, north), "another seller's writes");
        Tenant.assertUnchanged(southBefore, Tenant.snapshot(api, south), "writes to a ticket the seller does not have");

        ObjectNode noSeller = Api.JSON.createObjectNode().put("sub", "agent-nowhere");
        noSeller.putObject("claims").putArray("roles").add("agent");
        String token = api.tokenWith(noSeller);
        Api.Response forbidden = api.get("/tickets", token);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).isEqualTo("application/problem+json");
    }

    @Test
    @DisplayName("no token, a malformed token, a token with a broken signature: 401 as openapi.yaml documents it, and nothing changes")
    void requestsWithoutAValidTokenAreUnauthorised() {
        String north = agentToken(NORTH);
        Tenant before = Tenant.snapshot(api, north);
        String tampered = north.substring(0, north.length() - 6) + (north.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
        for (String token : new String[] {null, "not.a.jwt", tampered}) {
            assertThat(api.get("/tickets", token).status()).isEqualTo(401);
            assertThat(api.put("/tag-rules", token, Map.of("rules", java.util.List.of())).status()).isEqualTo(401);
        }
        Tenant.assertUnchanged(before, Tenant.snapshot(api, north), "requests without a valid token");
    }
}
