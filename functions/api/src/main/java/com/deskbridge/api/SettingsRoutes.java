package com.deskbridge.api;

import com.deskbridge.adapters.settings.SellerSetting;
import java.util.List;
import java.util.Map;

/** {@code GET|PUT /sla-policy}, {@code /tag-rules}, {@code /reply-settings}, {@code /refund-controls}: PUT for leads only. */
final class SettingsRoutes {
    static final List<Route> ROUTES = List.of(
            get("/sla-policy", SellerSetting.SLA_POLICY, "policy"), put("/sla-policy", SellerSetting.SLA_POLICY, "policy"),
            get("/tag-rules", SellerSetting.TAG_RULES, "tagRules"), put("/tag-rules", SellerSetting.TAG_RULES, "tagRules"),
            get("/reply-settings", SellerSetting.REPLY_SETTINGS, "replySettings"),
            put("/reply-settings", SellerSetting.REPLY_SETTINGS, "replySettings"),
            get("/refund-controls", SellerSetting.REFUND_CONTROLS, "refundControls"),
            put("/refund-controls", SellerSetting.REFUND_CONTROLS, "refundControls"));

    private SettingsRoutes() {
    }

    private static Route get(String path, SellerSetting setting, String member) {
        return new Route("GET " + path, call -> body(call.app().settings().read(call.seller(), setting), member));
    }

    private static Route put(String path, SellerSetting setting, String member) {
        return new Route("PUT " + path, call -> {
            call.request().requireLead("change the seller's settings");
            call.app().limits().check(ApiLimits.Kind.SETTINGS, call.seller(), call.request().agent());
            return body(call.app().settings().save(call.seller(), setting, call.request().rawBody(), call.request().agent()),
                    member);
        });
    }

    /** {"default": bool, member: document}. */
    private static ApiResponse body(SettingsService.Stored stored, String member) {
        return ApiResponse.ok(Map.of("default", stored.isDefault(), member, stored.document()));
    }
}
