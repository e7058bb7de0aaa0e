package com.deskbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The console's own server, over the wire: its files, its configuration and what it refuses to serve. */
class ConsoleServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ConsoleServer console;

    @BeforeAll
    static void start() {
        console = ConsoleServer.start(0, URI.create("http://localhost:3000/"));
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request line sent as is: HTTP clients normalise dot segments, a hostile one does not. */
    private static String raw(String method, String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), console.port())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theRootServesTheConsolePageAsHtml() throws Exception {
        HttpResponse<String> r = get("/");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(r.body()).contains("<title>Deskbridge agent console</title>").contains("id=\"view-queue\"");
        assertThat(get("/index.html").body()).isEqualTo(r.body());
    }

    @Test
    void everyFileThePageReferencesIsServedWithItsContentType() throws Exception {
        String page = get("/").body();
        Matcher refs = Pattern.compile("(?:src|href)=\"([a-z0-9._-]+\\.(js|css))\"").matcher(page);
        int found = 0;
        while (refs.find()) {
            found++;
            HttpResponse<String> r = get("/" + refs.group(1));
            assertThat(r.statusCode()).as(refs.group(1)).isEqualTo(200);
            assertThat(r.headers().firstValue("content-type")).as(refs.group(1))
                    .hasValue(refs.group(2).equals("js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
            assertThat(r.body()).isNotBlank();
        }
        assertThat(found).as("index.html references app.js and app.css").isEqualTo(2);
    }

    @Test
    void thePageLoadsNothingFromOtherOrigins() throws Exception {
        for (String file : new String[] {"/", "/app.js", "/app.css"}) {
            assertThat(get(file).body()).as(file).doesNotContainPattern("(src|href)=\"(https?:)?//").doesNotContain("@import");
        }
    }

    @Test
    void configTellsThePageWhereTheApiAndTheTokenEndpointAre() throws Exception {
        HttpResponse<String> r = get("/config.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(r.body()).isEqualTo("{\"apiBaseUrl\":\"http://localhost:3000\","
                + "\"tokenEndpoint\":\"http://localhost:3000/local-issuer/token\"}");
    }

    @Test
    void theContentSecurityPolicyAllowsScriptsFromItselfAndCallsToTheApiOnly() throws Exception {
        String csp = get("/").headers().firstValue("content-security-policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").contains("connect-src 'self' http://localhost:3000;")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/../pom.xml", "/%2e%2e/pom.xml", "/%2E%2E/pom.xml", "/..%2fpom.xml", "/%2e%2e%2fpom.xml", "/%252e%252e/pom.xml",
        "/console/../com/deskbridge/console/ConsoleServer.class", "/../com/deskbridge/console/ConsoleServer.class",
        "/%2e%2e/com/deskbridge/console/ConsoleServer.class", "/..\\com\\deskbridge\\console\\ConsoleServer.class",
        "/./index.html", "//index.html", "/.hidden.js", "/app.js%00.html", "/index.html/", "/nothing-here.html"
    })
    void pathsOutsideTheConsoleFolderAreRefused(String target) throws Exception {
        String response = raw("GET", target);
        // 404, or 400 where the JDK server already refuses the request line (a backslash is not legal in a URI)
        assertThat(response).matches("(?s)HTTP/1\\.1 40[04] .*");
        assertThat(response).doesNotContain("<artifactId>").doesNotContain("ConsoleServer").doesNotContain("cafebabe");
    }

    @Test
    void theTraversalTargetsExistSoTheRefusalIsWhatStopsThem() {
        assertThat(ConsoleServer.class.getClassLoader().getResource("com/deskbridge/console/ConsoleServer.class")).isNotNull();
        assertThat(ConsoleServer.resourceName("/app.js")).hasValue("console/app.js");
        assertThat(ConsoleServer.resourceName("/")).hasValue("console/index.html");
        assertThat(ConsoleServer.resourceName("/../com/deskbridge/console/ConsoleServer.class")).isEmpty();
    }

    @Test
    void onlyReadingIsAllowed() throws Exception {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + console.port() + "/index.html"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("allow")).hasValue("GET, HEAD");
    }

    @Test
    void headAnswersTheHeadersWithoutTheBody() throws Exception {
        String response = raw("HEAD", "/app.css");
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(response.toLowerCase()).contains("content-type: text/css; charset=utf-8");
        assertThat(response.substring(response.indexOf("\r\n\r\n") + 4)).isEmpty();
    }

    @Test
    void anApiAddressThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> ConsoleServer.start(0, URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConsoleServer.start(0, URI.create("localhost:3000")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void baseUrlNamesTheLocalhostOriginTheApiAllows() {
        assertThat(console.baseUrl()).isEqualTo(URI.create("http://localhost:" + console.port() + "/"));
    }
}
