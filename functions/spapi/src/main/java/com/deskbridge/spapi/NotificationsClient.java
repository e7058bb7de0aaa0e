package com.deskbridge.spapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * Amazon's Notifications API v1 (model notifications.json, https://developer-docs.amazon.com/sp-api/docs/notifications-api-v1-reference):
 * the application's destinations ({@code createDestination}, {@code getDestinations}: grantless, called with
 * {@link SellerAccount#grantless}) and a selling partner's subscriptions ({@code createSubscription},
 * {@code getSubscription}: with the seller's own token).
 */
public final class NotificationsClient {
    /** The scope of the grantless token the destination operations need. */
    public static final String SCOPE = "sellingpartnerapi::notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/notifications/v1/";

    private final SpApiTransport transport;

    NotificationsClient(SpApiTransport transport) {
        this.transport = transport;
    }

    /** The destination delivering to the SQS queue {@code queueArn}, created when there is none (getDestinations first). */
    public String destinationFor(SellerAccount application, String name, String queueArn) {
        Optional<String> existing = existingDestination(application, queueArn);
        if (existing.isPresent()) {
            return existing.get();
        }
        ObjectNode body = JSON.createObjectNode().put("name", name);
        body.putObject("resourceSpecification").putObject("sqs").put("arn", queueArn);
        HttpResponse<String> r = transport.call(application, SpApiOperation.NOTIFICATIONS_CREATE_DESTINATION, "POST",
                BASE + "destinations", body.toString());
        if (r.statusCode() == 409) {
            // created meanwhile by another caller
            return existingDestination(application, queueArn).orElseThrow(
                    () -> SpApiException.from(SpApiOperation.NOTIFICATIONS_CREATE_DESTINATION, r));
        }
        return OrdersClient.read(r, SpApiOperation.NOTIFICATIONS_CREATE_DESTINATION).orElseThrow(
                () -> SpApiException.from(SpApiOperation.NOTIFICATIONS_CREATE_DESTINATION, r)).at("/payload/destinationId").asText();
    }

    private Optional<String> existingDestination(SellerAccount application, String queueArn) {
        HttpResponse<String> r = transport.get(application, SpApiOperation.NOTIFICATIONS_GET_DESTINATIONS, BASE + "destinations");
        JsonNode list = OrdersClient.read(r, SpApiOperation.NOTIFICATIONS_GET_DESTINATIONS).map(b -> b.path("payload"))
                .orElse(JSON.createArrayNode());
        for (JsonNode d : list) {
            if (queueArn.equals(d.path("resource").path("sqs").path("arn").asText())) {
                return Optional.of(d.path("destinationId").asText());
            }
        }
        return Optional.empty();
    }

    /**
     * The seller's subscription id for {@code notificationType}, subscribing it to {@code destinationId} when it has
     * none (getSubscription first, so a retried onboarding does not collect 409s).
     */
    public String subscribe(SellerAccount seller, String notificationType, String destinationId, String payloadVersion) {
        String path = BASE + "subscriptions/" + OrdersClient.encode(notificationType);
        Optional<JsonNode> existing = OrdersClient.read(transport.get(seller, SpApiOperation.NOTIFICATIONS_GET_SUBSCRIPTION, path),
                SpApiOperation.NOTIFICATIONS_GET_SUBSCRIPTION);
        if (existing.isPresent()) {
            return existing.get().at("/payload/subscriptionId").asText();
        }
        ObjectNode body = JSON.createObjectNode().put("payloadVersion", payloadVersion).put("destinationId", destinationId);
        HttpResponse<String> r = transport.call(seller, SpApiOperation.NOTIFICATIONS_CREATE_SUBSCRIPTION, "POST", path, body.toString());
        return OrdersClient.read(r, SpApiOperation.NOTIFICATIONS_CREATE_SUBSCRIPTION).orElseThrow(
                () -> SpApiException.from(SpApiOperation.NOTIFICATIONS_CREATE_SUBSCRIPTION, r)).at("/payload/subscriptionId").asText();
    }
}
