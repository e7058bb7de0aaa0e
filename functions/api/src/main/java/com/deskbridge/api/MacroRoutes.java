package com.deskbridge.api;

import com.deskbridge.domain.ticket.InvalidInputException;
import com.deskbridge.macros.Macro;
import com.deskbridge.macros.MacroLanguage;
import com.deskbridge.macros.Placeholder;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code GET /macros} and {@code POST /tickets/{id}/macros/{macroId}/render}. */
final class MacroRoutes {
    static final List<Route> ROUTES = List.of(
            new Route("GET /macros", MacroRoutes::catalog),
            new Route("POST /tickets/{id}/macros/{macroId}/render", MacroRoutes::render));

    private MacroRoutes() {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record MacroJson(String id, String name, boolean builtIn, List<String> languages, List<String> intents,
                     List<String> placeholders) {
    }

    record Catalog(List<MacroJson> items) {
    }

    record Rendered(String macroId, String text, String language, ComplianceJson.ReportJson compliance) {
    }

    private static ApiResponse catalog(Route.Call call) {
        String intent = call.request().intentQuery("intent").orElse(null);
        List<Macro> macros = call.app().macros().catalog(call.seller(), intent);
        return ApiResponse.ok(new Catalog(macros.stream().map(m -> new MacroJson(m.id(), m.name(), m.builtIn(),
                m.languages().stream().map(MacroLanguage::code).sorted().toList(), m.intents().stream().sorted().toList(),
                m.requiredPlaceholders().stream().map(Placeholder::templateName).sorted().toList())).toList()));
    }

    /** 404 for an unknown macro, 422 naming the placeholders without a value. */
    private static ApiResponse render(Route.Call call) {
        JsonNode body = call.request().jsonObject(Set.of("language"));
        String code = ApiRequest.text(body, "language", false);
        MacroLanguage language = code == null ? null : MacroLanguage.fromCode(code).orElseThrow(() ->
                new InvalidInputException("language", "must be one of en, de, fr, it, es, nl, pl, sv"));
        String macroId = call.request().pathParameter("macroId");
        MacroService.Outcome outcome = call.app().macros().render(call.seller(), call.ticket(), macroId, language);
        if (outcome instanceof MacroService.NotFound) {
            throw new ApiProblem("macro-not-found", "Macro not found", 404, "no macro " + macroId + " for this seller",
                    "macroId", null);
        }
        if (outcome instanceof MacroService.Missing missing) {
            throw new ApiProblem("macro-values-missing", "Macro needs values the ticket does not have", 422,
                    "no value yet for " + missing.placeholders().stream().map(Placeholder::token).toList()
                            + ": fill them in by hand or wait for the order and tracking data", "macroId",
                    Map.of("missing", missing.placeholders().stream().map(Placeholder::templateName).toList()));
        }
        MacroService.Rendered r = (MacroService.Rendered) outcome;
        return ApiResponse.ok(new Rendered(r.macroId(), r.text(), r.language().code(), ComplianceJson.report(r.report())));
    }
}
