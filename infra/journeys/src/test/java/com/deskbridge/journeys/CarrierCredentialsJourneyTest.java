package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A seller connects its own UPS account (README, Deploy step 5): an operator registers {@code journey-carrier-creds}; its
 * lead hands over credentials UPS refuses (rejected, nothing stored), then ones UPS accepts (verified, stored
 * write-only); the list shows the connection and no answer ever holds a credential; a ticket on the seller's FBM order
 * shipped with UPS is then tracked with the seller's own account, which the carrier simulator's per-account counts prove
 * (its world: journeys-world.json, {@code carriers.ups.accounts}). The lead then removes the account (the stack's is used
 * again) and connects it once more, over the API and on the console's carrier-accounts screen.
 */
class CarrierCredentialsJourneyTest extends Journey {
    static final String SELLER = "journey-carrier-creds";
    static final String ORDER = "028-5500001-0000001";
    static final String TRACKING = "1ZJCC0000000005501";
    static final String CLIENT_ID = "journey-carrier-ups-client";
    static final String CLIENT_SECRET = "journey-carrier-ups-s3cret";

    @Test
    @DisplayName("a lead connects the seller's own UPS account: refused credentials are rejected, accepted ones verified and used for the seller's tracking, never shown")
    void aSellersOwnUpsAccountTracksItsParcels() {
        List<Api.Response> answers = new ArrayList<>();
        ObjectNode op = Api.JSON.createObjectNode().put("sub", "operator-carrier-journey");
        op.putObject("claims").putArray("roles").add("operator");
        String operator = api.tokenWith(op);
        Api.Response registered = api.post("/sellers", operator, Map.of("sellerId", SELLER, "marketplaces",
                List.of("A1PA6795UKMFR9"), "region", "eu", "timeZone", "Europe/Berlin", "mailAlias", SELLER));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String lead = leadToken(SELLER);
        String agent = agentToken(SELLER);
        String path = "/sellers/" + SELLER + "/carriers/ups";

        answers.add(refused(agent, "an agent connecting a carrier", () -> api.put(path, agent,
                Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET))));
        answers.add(refused(lead, "credentials without their secret", () -> api.put(path, lead, Map.of("clientId", CLIENT_ID))));

        Api.Response rejected = api.put(path, lead, Map.of("clientId", CLIENT_ID, "clientSecret", "not-" + CLIENT_SECRET));
        answers.add(rejected);
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().path("status").asText()).isEqualTo("rejected");
        assertThat(rejected.json().path("ownCredentials").asBoolean()).as("nothing stored").isFalse();
        assertThat(rejected.json().path("reason").asText()).contains("ups refused the credentials");

        Api.Response verified = api.put(path, lead, Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET));
        answers.add(verified);
        assertThat(verified.status()).as(verified.toString()).isEqualTo(200);
        assertThat(verified.json().path("carrier").asText()).isEqualTo("ups");
        assertThat(verified.json().path("status").asText()).isEqualTo("verified");
        assertThat(verified.json().path("ownCredentials").asBoolean()).isTrue();
        assertThat(verified.json().path("checkedAt").asText()).isNotBlank();
        assertThat(accounts().path("tokensIssued").asInt()).as("the test call: one token for the seller's own account").isEqualTo(1);
        assertThat(accounts().path("trackingCalls").asInt()).as("and no tracking call").isZero();

        Api.Response list = api.get("/sellers/" + SELLER + "/carriers", agent);
        answers.add(list);
        JsonNode ups = java.util.stream.StreamSupport.stream(list.json().path("items").spliterator(), false)
                .filter(i -> i.path("carrier").asText().equals("ups")).findFirst().orElseThrow();
        assertThat(ups.path("ownCredentials").asBoolean()).isTrue();
        assertThat(ups.path("lastCheck").path("status").asText()).isEqualTo("verified");
        assertThat(ups.path("lastCheck").path("checkedBy").asText()).isEqualTo("lead-" + SELLER);
        assertThat(list.json().path("items")).filteredOn(i -> !i.path("carrier").asText().equals("ups"))
                .allSatisfy(i -> assertThat(i.path("ownCredentials").asBoolean()).isFalse());

        // a ticket on the seller's FBM order: its UPS parcel is looked up with the seller's own account and token
        String token = agentToken(SELLER);
        String messageId = intake.relayMail(token, SELLER, "p4c5r6t7e8@marketplace.amazon.de", ORDER, "Frage zur Bestellung",
                "Hallo, wo ist mein Wasserkocher?");
        String id = ticketWithMessage(token, messageId).path("id").asText();
        JsonNode ticket = withContext(token, id);
        answers.add(api.get("/tickets/" + id, token));
        JsonNode parcel = ticket.path("shipments").path(0);
        assertThat(parcel.path("trackingNumber").asText()).isEqualTo(TRACKING);
        assertThat(parcel.path("carrier").asText()).isEqualToIgnoringCase("UPS");
        JsonNode own = accounts();
        assertThat(own.path("trackingCalls").asInt()).as("UPS tracked the parcel on the seller's own account: " + own)
                .isGreaterThanOrEqualTo(1);
        assertThat(own.path("tokensIssued").asInt()).as("enrichment's own token for it (not the API's, not the stack's)")
                .isGreaterThanOrEqualTo(2);

        Api.Response again = api.put(path, lead, Map.of("clientId", CLIENT_ID, "clientSecret", "rotated-wrong"));
        answers.add(again);
        assertThat(again.json().path("status").asText()).isEqualTo("rejected");
        assertThat(again.json().path("ownCredentials").asBoolean()).as("the verified credentials stay in use").isTrue();

        // removing them: agents may not; the lead's removal deletes them (twice is no error), the list says so, and the
        // same name can take new credentials at once (deleted without a recovery window)
        answers.add(refused(agent, "an agent removing a carrier account", () -> api.delete(path, agent)));
        Api.Response removed = api.delete(path, lead);
        answers.add(removed);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().path("status").asText()).isEqualTo("removed");
        assertThat(removed.json().path("ownCredentials").asBoolean()).isFalse();
        assertThat(removed.json().path("checkedBy").asText()).isEqualTo("lead-" + SELLER);
        Api.Response listed = api.get("/sellers/" + SELLER + "/carriers", agent);
        answers.add(listed);
        JsonNode upsAfter = java.util.stream.StreamSupport.stream(listed.json().path("items").spliterator(), false)
                .filter(i -> i.path("carrier").asText().equals("ups")).findFirst().orElseThrow();
        assertThat(upsAfter.path("ownCredentials").asBoolean()).as("the stack's account again").isFalse();
        assertThat(upsAfter.path("lastCheck").path("status").asText()).isEqualTo("removed");
        Api.Response twice = api.delete(path, lead);
        answers.add(twice);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(200);
        Api.Response reconnected = api.put(path, lead, Map.of("clientId", CLIENT_ID, "clientSecret", CLIENT_SECRET));
        answers.add(reconnected);
        assertThat(reconnected.json().path("status").asText()).as(reconnected.toString()).isEqualTo("verified");
        assertThat(reconnected.json().path("ownCredentials").asBoolean()).isTrue();

        // the lead's console screen: removes the account, then connects it again through the form
        BrowserPage page = Console.signIn(system, "lead-" + SELLER, SELLER, true);
        Console.open(page, "#/carriers", "carriers");
        String row = "#carriers-rows tr[data-carrier='ups']";
        assertThat(page.text(row + " .carrier-account")).isEqualTo("Seller's own");
        assertThat(page.text(row + " .carrier-check")).startsWith("Verified");
        page.click(row + " .carrier-remove");
        page.waitFor("the removal shown", "(() => { const r = document.querySelector(\"" + row + "\"); return r && r.dataset.own === 'false'"
                + " && r.querySelector('.carrier-status').textContent.startsWith('Removed'); })()");
        assertThat(page.text(row + " .carrier-check")).startsWith("Removed");
        page.type(row + " input[name=clientId]", CLIENT_ID);
        page.type(row + " input[name=clientSecret]", CLIENT_SECRET);
        page.click(row + " button[type=submit]");
        page.waitFor("the connection shown", "(() => { const r = document.querySelector(\"" + row + "\"); return r && r.dataset.own === 'true'"
                + " && r.querySelector('.carrier-status').textContent.startsWith('Connected'); })()");
        assertThat(page.text(row + " .carrier-check")).startsWith("Verified");
        assertThat(page.evaluate("document.body.innerHTML.includes(" + BrowserPage.quoted(CLIENT_SECRET) + ")").asBoolean())
                .as("no credential stays on the page").isFalse();
        assertThat(page.evaluate("Array.from(document.querySelectorAll('#carriers-rows input')).every(i => i.value === '')").asBoolean())
                .as("the inputs were emptied").isTrue();
        Api.Response finalList = api.get("/sellers/" + SELLER + "/carriers", agent);
        answers.add(finalList);
        assertThat(finalList.body()).contains("\"status\":\"verified\"");

        for (Api.Response a : answers) {
            assertThat(a.body()).as("no answer holds a credential").doesNotContain(CLIENT_SECRET).doesNotContain(CLIENT_ID)
                    .doesNotContain("rotated-wrong");
        }
    }

    /** The carrier simulator's counts for the seller's own UPS account (GET /_simulator/accounts). */
    private static JsonNode accounts() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(system.carriers()
                    .resolve("/_simulator/accounts")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            return Api.JSON.readTree(r.body()).path("ups").path(SELLER);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
