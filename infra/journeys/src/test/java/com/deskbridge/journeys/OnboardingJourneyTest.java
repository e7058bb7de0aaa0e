package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Onboarding a seller who is not in the world fixture: an operator registers it with a mail alias; mail SES receives
 * for {@code <alias>@<MailDomain>} (raw mail in the raw-mail bucket, SES's notification on the intake queue) becomes
 * that seller's ticket; mail SES marked as spam goes to the intake DLQ with its reason and makes no ticket.
 */
class OnboardingJourneyTest extends Journey {
    static final String RELAY_FROM = "\"Lucia - Amazon Marketplace\" <l7u8c9i0a1@marketplace.amazon.es>";
    static final String AMAZON_DKIM = "dkim=pass header.i=@marketplace.amazon.es";

    private static String operatorToken() {
        ObjectNode request = Api.JSON.createObjectNode().put("sub", "operator-journey");
        request.putObject("claims").putArray("roles").add("operator"); // operators work for no one seller: no seller_id
        return api.tokenWith(request);
    }

    @Test
    @DisplayName("an operator registers a seller with a mail alias; relay mail SES receives for the alias becomes its ticket, spam goes to the DLQ with its reason and makes none")
    void aRegisteredSellersAliasReceivesMail() {
        long n = System.nanoTime();
        String seller = "journey-onboarded-" + n;
        String alias = "tienda-" + n;
        String operator = operatorToken();
        Map<String, Object> registration = Map.of("sellerId", seller, "marketplaces", List.of("A1RKKUPIHCS9HS"),
                "region", "eu", "timeZone", "Europe/Madrid", "mailAlias", alias);

        Api.Response created = api.post("/sellers", operator, registration);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api.post("/sellers", operator, Map.of("sellerId", "journey-alias-thief-" + n, "marketplaces",
                List.of("A1RKKUPIHCS9HS"), "region", "eu", "timeZone", "Europe/Madrid", "mailAlias", alias)).status())
                .as("a second seller cannot take the alias").isEqualTo(409);
        assertThat(api.post("/sellers", agentToken(seller), Map.of("sellerId", "journey-self-" + n, "marketplaces",
                List.of("A1RKKUPIHCS9HS"), "region", "eu", "timeZone", "Europe/Madrid", "mailAlias", "self-" + n)).status())
                .as("an agent is no operator").isEqualTo(403);
        String agent = agentToken(seller);
        assertThat(api.get("/sellers/" + seller, agent).json().path("mailAlias").asText()).isEqualTo(alias);

        String recipient = alias + "@" + system.mailDomain();
        String spam = intake.sesMail(recipient, RELAY_FROM, AMAZON_DKIM, "FAIL", "Gana dinero 402-0000000-0000000",
                "Haga clic aqui");
        String id = intake.sesMail(recipient, RELAY_FROM, AMAZON_DKIM, "PASS", "Pregunta sobre el pedido 402-1234567-7654321",
                "------------- Mensaje: -------------\n\nHola, donde esta mi paquete?\n\n------------- Fin del mensaje -------------");
        Ledger.intakeAccepted(agent, id + "@email.amazonses.com");

        JsonNode ticket = ticketWithMessage(agent, id + "@email.amazonses.com");
        assertThat(ticket.path("channel").asText()).isEqualTo("amazon");
        assertThat(ticket.path("messages").get(0).path("body").asText()).contains("donde esta mi paquete");

        Message dead = await("the spam mail in the intake DLQ", () -> deadLetter("inbound/" + spam), java.util.Objects::nonNull);
        assertThat(dead.messageAttributes().get("deskbridge-error-reason").stringValue())
                .contains("spam (receipt.spamVerdict FAIL)");
        List<String> bodies = new ArrayList<>();
        for (JsonNode t : api.get("/tickets?status=open&limit=100", agent).json().path("items")) {
            bodies.add(api.get("/tickets/" + t.path("id").asText(), agent).json().toString());
        }
        assertThat(bodies).as("the seller's tickets").hasSize(1).noneMatch(b -> b.contains("Haga clic"));
    }

    private static Message deadLetter(String marker) {
        for (Message m : Intake.sqs().receiveMessage(r -> r.queueUrl(system.intakeDeadLetterQueueUrl())
                .maxNumberOfMessages(10).messageAttributeNames("All").visibilityTimeout(0)).messages()) {
            if (m.body().contains(marker)) {
                return m;
            }
        }
        return null;
    }
}
