package com.deskbridge.api;

import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.compliance.OutgoingMessage;
import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.domain.ticket.ReplyOrigin;
import com.deskbridge.domain.ticket.TicketDetail;
import com.deskbridge.translation.ReplyTranslation;
import com.deskbridge.translation.Translation;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Issue 15's languages: a buyer message in the agent's language, a reply written in the agent's language previewed
 * and sent in the buyer's, the replies' translations, and the seller's switch ({@code /translation-settings}).
 */
final class TranslationRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /tickets/{id}/messages/{messageKey}/translation", TranslationRoutes::readMessage),
            Route.readOnly("POST /tickets/{id}/replies/translation-preview", TranslationRoutes::preview),
            new Route("POST /tickets/{id}/translated-replies", TranslationRoutes::reply),
            new Route("GET /tickets/{id}/reply-translations", call -> ApiResponse.ok(Map.of("items",
                    call.app().translations().replyTranslations(call.ticket()).stream().map(TranslationRoutes::json)
                            .toList()))),
            new Route("GET /translation-settings", call -> settings(call.app().settings().read(call.seller(),
                    SellerSetting.TRANSLATION))),
            new Route("PUT /translation-settings", call -> {
                call.request().requireLead("switch translation on or off");
                call.app().limits().check(ApiLimits.Kind.SETTINGS, call.seller(), call.request().agent());
                return settings(call.app().settings().save(call.seller(), SellerSetting.TRANSLATION,
                        call.request().rawBody(), call.request().agent()));
            }));

    private TranslationRoutes() {
    }

    /** A text in one language, and whether it is a machine translation ({@code note} says why not). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Text(String text, String language, Boolean translated, String note, Boolean standIn) {
        static Text of(Translation t) {
            return new Text(t.text(), t.targetLanguage(), t.translated(), t.note(), t.fromStandIn());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageTranslation(String messageKey, Text original, Text subject, Text translation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReplyTexts(Text written, Text sent, String method, boolean translated, String note, boolean standIn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Recorded(String messageKey, String agentId, Text written, Text sent, String method, boolean translated,
                    String note, boolean standIn, String recordedAt) {
    }

    private static ApiResponse readMessage(Route.Call call) {
        String to = call.request().query("to").orElse(null);
        TranslationDesk.Read read = call.app().translations().read(call.ticket(), call.request().pathParameter("messageKey"),
                to);
        return ApiResponse.ok(new MessageTranslation(read.message().messageKey(),
                new Text(read.message().body(), read.message().language(), null, null, null),
                read.subject() == null ? null : Text.of(read.subject()), Text.of(read.body())));
    }

    /** Both texts and the compliance check of the text that would be sent; nothing recorded. */
    private static ApiResponse preview(Route.Call call) {
        JsonNode body = call.request().jsonObject(Set.of("text", "language", "macroId", "suggestionId"));
        TranslationDesk.Prepared p = call.app().translations().prepare(call.ticket(), ApiRequest.text(body, "text", true),
                ApiRequest.text(body, "language", true), ApiRequest.text(body, "macroId", false), null);
        Map<String, Object> out = new java.util.LinkedHashMap<>(Map.of("texts", texts(p)));
        out.put("compliance", ComplianceJson.report(call.app().compliance().check(OutgoingMessage.of(p.sentText()))));
        return ApiResponse.ok(out);
    }

    /**
     * A reply written in the agent's language: the text for the buyer is made (the macro's own text, or a machine
     * translation), its translation kept, then it goes the way of every reply (compliance on the sent text, recorded
     * once per Idempotency-Key, handed to the sender).
     */
    private static ApiResponse reply(Route.Call call) {
        String key = call.request().header("Idempotency-Key").orElseThrow(() ->
                new InvalidInputException("Idempotency-Key", "header is required: one key per reply, reused on retries"));
        JsonNode body = call.request().jsonObject(Set.of("text", "language", "macroId", "suggestionId"));
        String text = ApiRequest.text(body, "text", true);
        String macroId = ApiRequest.text(body, "macroId", false);
        TicketDetail ticket = call.ticket();
        TranslationDesk.Prepared p = call.app().translations().prepare(ticket, text,
                ApiRequest.text(body, "language", true), macroId, key);
        ReplyOrigin origin = SuggestionService.origin(ApiRequest.text(body, "suggestionId", false), macroId, text);
        boolean override = call.request().header(TicketRoutes.COLLISION_OVERRIDE).map("true"::equalsIgnoreCase).orElse(false);
        call.app().translations().record(ticket, key, call.request().agent(), p);
        ReplyService.Outcome outcome = call.app().replies().reply(ticket, call.request().agent(), p.sentText(), key,
                override, origin);
        Map<String, Object> out = TicketRoutes.replied(call, outcome, origin);
        out.put("texts", texts(p));
        return ApiResponse.json(202, out);
    }

    private static ReplyTexts texts(TranslationDesk.Prepared p) {
        return new ReplyTexts(new Text(p.agentText(), p.agentLanguage(), null, null, null),
                new Text(p.sentText(), p.sentLanguage(), p.translated(), p.note(), null), p.method().wireName(),
                p.translated(), p.note(), p.standIn());
    }

    private static Recorded json(ReplyTranslation t) {
        return new Recorded(t.messageKey(), t.agentId(), new Text(t.agentText(), t.agentLanguage(), null, null, null),
                new Text(t.sentText(), t.sentLanguage(), t.translated(), t.note(), null), t.method().wireName(),
                t.translated(), t.note(), Translation.STAND_IN_NOTE.equals(t.note()), t.recordedAt().toString());
    }

    private static ApiResponse settings(SettingsService.Stored stored) {
        return ApiResponse.ok(Map.of("default", stored.isDefault(), "translationSettings", stored.document()));
    }
}
