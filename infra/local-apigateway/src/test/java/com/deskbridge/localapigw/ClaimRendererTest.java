package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClaimRendererTest {

    @Test
    void nonStringClaimsAreRenderedLikeApiGateway() {
        var payload = Http.json("{\"sub\":\"a\",\"exp\":1700000000,\"ratio\":1.5,\"ok\":false,\"n\":null,"
                + "\"groups\":[\"agents\",\"admins\"],\"nums\":[1,2],\"empty\":[],"
                + "\"addr\":{\"zip\":\"10115\",\"city\":\"Berlin\"}}");
        assertThat(ClaimRenderer.render(payload))
                .containsEntry("sub", "a")
                .containsEntry("exp", "1700000000")
                .containsEntry("ratio", "1.5")
                .containsEntry("ok", "false")
                .containsEntry("n", "<nil>")
                .containsEntry("groups", "[agents admins]")
                .containsEntry("nums", "[1 2]")
                .containsEntry("empty", "[]")
                .containsEntry("addr", "map[city:Berlin zip:10115]");
    }

    @Test
    void scopesComeFromScopeOrScp() {
        assertThat(ClaimRenderer.scopes(Http.json("{\"scope\":\" a  b \"}"))).containsExactly("a", "b");
        assertThat(ClaimRenderer.scopes(Http.json("{\"scp\":[\"x\",\"y\"]}"))).containsExactly("x", "y");
        assertThat(ClaimRenderer.scopes(Http.json("{\"scp\":\"x y\"}"))).containsExactly("x", "y");
        assertThat(ClaimRenderer.scopes(Http.json("{\"sub\":\"a\"}"))).isNull();
    }
}
