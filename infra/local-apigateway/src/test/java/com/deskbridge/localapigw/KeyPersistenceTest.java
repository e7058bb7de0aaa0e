package com.deskbridge.localapigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyPersistenceTest {

    @TempDir
    Path dir;

    private static HttpApiEmulator emulator(Path keyFile, int port) {
        return HttpApiEmulator.builder().port(port).keyFile(keyFile)
                .jwtAuthorizer(List.of("deskbridge-helpdesk"))
                .route("GET", "/me", e -> Http.ok(e.getRequestContext().getAuthorizer().getJwt().getClaims().get("sub")))
                .build().start();
    }

    @Test
    void tokensSurviveARestartOnTheSamePort() throws IOException {
        Path keyFile = dir.resolve("keys/local-issuer.jwk.json");
        String token;
        String kid;
        int port;
        try (HttpApiEmulator first = emulator(keyFile, 0)) {
            port = first.port();
            kid = first.issuer().keyId();
            token = first.issuer().mint("agent-7", Map.of(), Duration.ofHours(1));
            assertThat(Files.exists(keyFile)).isTrue();
        }
        if (keyFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (HttpApiEmulator second = emulator(keyFile, port)) {
            assertThat(second.issuer().keyId()).isEqualTo(kid);
            var r = Http.send(Http.request(second, "/me").header("Authorization", "Bearer " + token).GET().build());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("agent-7");
        }
    }

    @Test
    void withoutKeyFileEachEmulatorHasItsOwnKey() {
        try (HttpApiEmulator a = emulator(null, 0); HttpApiEmulator b = emulator(null, 0)) {
            assertThat(a.issuer().keyId()).isNotEqualTo(b.issuer().keyId());
            String tokenFromA = a.issuer().mint("agent-1", Map.of(), Duration.ofHours(1));
            var r = Http.send(Http.request(b, "/me").header("Authorization", "Bearer " + tokenFromA).GET().build());
            assertThat(r.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aKeyFileWithoutPrivateKeyIsRefused() throws Exception {
        Path keyFile = dir.resolve("public-only.json");
        try (HttpApiEmulator a = emulator(null, 0)) {
            Files.writeString(keyFile, a.issuer().publicJwkSet().getKeys().get(0).toJSONString());
        }
        assertThatThrownBy(() -> emulator(keyFile, 0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no private key");
    }
}
