package com.deskbridge.sim.translate;

import com.deskbridge.sim.support.SimServer;
import com.deskbridge.sim.support.SimTime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A wire-level stand-in for Amazon Translate's TranslateText
 * (https://docs.aws.amazon.com/translate/latest/APIReference/API_TranslateText.html) in both protocols Translate speaks:
 * <ul>
 * <li>AWS JSON 1.1: {@code POST /} with {@code X-Amz-Target: AWSShineFrontendService_20170701.TranslateText} and
 *     {@code Content-Type: application/x-amz-json-1.1};</li>
 * <li>Smithy RPC v2 CBOR (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html), which the AWS SDK for
 *     Java 2 uses for Translate since 2.59: {@code POST /service/AWSShineFrontendService_20170701/operation/TranslateText}
 *     with {@code smithy-protocol: rpc-v2-cbor} and a CBOR body; answers carry the same header.</li>
 * </ul>
 * Requests must carry a SigV4 {@code Authorization} header and {@code X-Amz-Date} (their presence and form are checked;
 * the signature is not, there is no secret to check it against).
 *
 * <p>It cannot translate. It answers with {@code TranslatedText} = the source text and says so on the wire: the
 * response's {@code TargetLanguageCode} is the language the text is actually in (the request's source language, or
 * {@code auto} when that was not given) instead of the requested target, and the header
 * {@code x-deskbridge-translation: untranslated} is set. A client that compares the returned target language with the
 * one it asked for reports the text as untranslated, as it must.
 *
 * <p>Amazon's validation is reproduced: {@code Text} at most 10,000 UTF-8 bytes ({@code TextSizeLimitExceededException}),
 * language codes from Amazon's supported list ({@code UnsupportedLanguagePairException} with both codes), required
 * fields ({@code ValidationException}), undecodable bodies ({@code SerializationException}), unknown operations
 * ({@code UnknownOperationException}). Errors carry {@code __type} (the error's shape id) and {@code message} in the
 * request's protocol, and {@code x-amzn-ErrorType}; every response carries {@code x-amzn-RequestId}. Injected faults
 * (operation {@code translate.TranslateText}): 429 or 400 → {@code TooManyRequestsException} (HTTP 400, as Translate
 * sends it), 503 → {@code ServiceUnavailableException}, other 5xx → {@code InternalServerException}.
 */
public final class TranslateSimulator implements AutoCloseable {

    public static final String OPERATION = "translate.TranslateText";
    static final String SERVICE = "AWSShineFrontendService_20170701";
    static final String TARGET = SERVICE + ".TranslateText";
    static final String CBOR_PATH = "/service/" + SERVICE + "/operation/TranslateText";
    static final int MAX_TEXT_BYTES = 10_000;
    private static final String SHAPE_NAMESPACE = "com.amazonaws.translate#";
    private static final CBORMapper CBOR = new CBORMapper();
    /** Amazon Translate's language codes (https://docs.aws.amazon.com/translate/latest/dg/what-is-languages.html). */
    static final Set<String> LANGUAGES = Set.of("af", "sq", "am", "ar", "hy", "az", "bn", "bs", "bg", "ca", "zh", "zh-tw",
            "hr", "cs", "da", "fa-af", "nl", "en", "et", "fa", "tl", "fi", "fr", "fr-ca", "ka", "de", "el", "gu", "ht", "ha",
            "he", "hi", "hu", "is", "id", "ga", "it", "ja", "kn", "kk", "ko", "lv", "lt", "mk", "ms", "ml", "mt", "mr", "mn",
            "no", "ps", "pl", "pt", "pt-pt", "pa", "ro", "ru", "sr", "si", "sk", "sl", "so", "es", "es-mx", "sw", "sv", "ta",
            "te", "th", "tr", "uk", "ur", "uz", "vi", "cy");

    /** The two wire protocols: how bodies are read and written, and what a request must say about itself. */
    private enum Protocol {
        JSON("application/x-amz-json-1.1", SimServer.JSON),
        CBOR("application/cbor", TranslateSimulator.CBOR);

        final String contentType;
        final ObjectMapper mapper;

        Protocol(String contentType, ObjectMapper mapper) {
            this.contentType = contentType;
            this.mapper = mapper;
        }
    }

    private final SimServer server;

    private TranslateSimulator(int port, JsonNode world) {
        JsonNode settings = world.path("translate");
        this.server = new SimServer("translate-sim", port, "x-amzn-RequestId",
                SimTime.duration(settings, "latencyMs", Duration.ZERO),
                List.of(new SimServer.Route("POST", Pattern.compile("/"), OPERATION, (ex, m) -> handle(ex, Protocol.JSON)),
                        new SimServer.Route("POST", Pattern.compile(Pattern.quote(CBOR_PATH)), OPERATION,
                                (ex, m) -> handle(ex, Protocol.CBOR)),
                        new SimServer.Route("POST", Pattern.compile("/service/[^/]+/operation/[^/]+"), "translate.unknown",
                                (ex, m) -> error(ex, Protocol.CBOR, 404, "UnknownOperationException",
                                        "Operation " + ex.path() + " is not served by this stand-in"))),
                (ex, m) -> error(ex, Protocol.JSON, 404, "UnknownOperationException", "No such resource"));
        for (JsonNode f : settings.path("faults")) {
            server.injectFault(f.path("operation").asText(OPERATION), f.path("status").asInt(503), f.path("count").asInt(1));
        }
    }

    /**
     * @param world the shared fixture; reads {@code translate.latencyMs} and {@code translate.faults[]}
     *              ({@code {operation, status, count}}), ignores every other key
     */
    public static TranslateSimulator start(int port, JsonNode world) {
        return new TranslateSimulator(port, world);
    }

    /** The endpoint to give the SDK client ({@code endpointOverride}). */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int callCount() {
        return server.callCount(OPERATION);
    }

    /** The next {@code count} TranslateText calls answer {@code status} in Translate's error shape. */
    public void injectFault(int status, int count) {
        server.injectFault(OPERATION, status, count);
    }

    @Override
    public void close() {
        server.close();
    }

    private void handle(SimServer.Exchange ex, Protocol protocol) throws IOException {
        if (protocol == Protocol.JSON && !TARGET.equals(ex.header("X-Amz-Target"))) {
            error(ex, protocol, 400, "UnknownOperationException", "Operation " + ex.header("X-Amz-Target")
                    + " is not supported by this stand-in");
            return;
        }
        if (protocol == Protocol.CBOR && !"rpc-v2-cbor".equals(ex.header("smithy-protocol"))) {
            error(ex, protocol, 400, "SerializationException", "Missing header smithy-protocol: rpc-v2-cbor");
            return;
        }
        String auth = ex.header("Authorization");
        if (auth == null || !auth.startsWith("AWS4-HMAC-SHA256 Credential=") || ex.header("X-Amz-Date") == null) {
            error(ex, protocol, 400, "MissingAuthenticationTokenException", "Request is missing Authentication Token");
            return;
        }
        String contentType = ex.header("Content-Type");
        if (contentType == null || !contentType.startsWith(protocol.contentType)) {
            error(ex, protocol, 400, "SerializationException", "Expected Content-Type " + protocol.contentType);
            return;
        }
        var fault = server.nextFault(OPERATION);
        if (fault.isPresent()) {
            int status = fault.get();
            if (status == 429 || status == 400) {
                error(ex, protocol, 400, "TooManyRequestsException", "You have made too many requests within a short period of time.");
            } else if (status == 503) {
                error(ex, protocol, 503, "ServiceUnavailableException", "The Amazon Translate service is temporarily unavailable.");
            } else {
                error(ex, protocol, status, "InternalServerException", "An internal server error occurred.");
            }
            return;
        }
        JsonNode req;
        try {
            req = ex.body().length == 0 ? null : protocol.mapper.readTree(ex.body());
        } catch (IOException e) {
            req = null;
        }
        if (req == null || !req.isObject()) {
            error(ex, protocol, 400, "SerializationException", "Start of structure or map found where not expected.");
            return;
        }
        String text = req.path("Text").isTextual() ? req.get("Text").asText() : null;
        String source = req.path("SourceLanguageCode").isTextual() ? req.get("SourceLanguageCode").asText() : null;
        String targetLanguage = req.path("TargetLanguageCode").isTextual() ? req.get("TargetLanguageCode").asText() : null;
        if (text == null || source == null || targetLanguage == null) {
            error(ex, protocol, 400, "ValidationException", "Text, SourceLanguageCode and TargetLanguageCode must not be null");
            return;
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            error(ex, protocol, 400, "TextSizeLimitExceededException", "Input text size exceeds limit. Max length of request "
                    + "text allowed is " + MAX_TEXT_BYTES + " bytes while in this request the text size is " + bytes + " bytes");
            return;
        }
        String src = source.toLowerCase(Locale.ROOT);
        String tgt = targetLanguage.toLowerCase(Locale.ROOT);
        if (!(src.equals("auto") || LANGUAGES.contains(src)) || !LANGUAGES.contains(tgt)) {
            ObjectNode body = errorBody("UnsupportedLanguagePairException",
                    "Unsupported language pair: " + source + " to " + targetLanguage + ".");
            body.put("SourceLanguageCode", source);
            body.put("TargetLanguageCode", targetLanguage);
            send(ex, protocol, 400, body, "UnsupportedLanguagePairException");
            return;
        }
        ObjectNode out = SimServer.JSON.createObjectNode();
        out.put("TranslatedText", text);
        out.put("SourceLanguageCode", source);
        // the text is still in its source language: say so instead of claiming the requested target
        out.put("TargetLanguageCode", source);
        ex.setHeader("x-deskbridge-translation", "untranslated");
        send(ex, protocol, 200, out, null);
    }

    private static ObjectNode errorBody(String type, String message) {
        ObjectNode body = SimServer.JSON.createObjectNode();
        body.put("__type", SHAPE_NAMESPACE + type);
        body.put("message", message);
        return body;
    }

    private static void error(SimServer.Exchange ex, Protocol protocol, int status, String type, String message) throws IOException {
        send(ex, protocol, status, errorBody(type, message), type);
    }

    private static void send(SimServer.Exchange ex, Protocol protocol, int status, ObjectNode body, String errorType)
            throws IOException {
        if (errorType != null) {
            ex.setHeader("x-amzn-ErrorType", errorType);
        }
        if (protocol == Protocol.CBOR) {
            ex.setHeader("smithy-protocol", "rpc-v2-cbor");
        }
        ex.send(status, protocol.contentType, protocol.mapper.writeValueAsBytes(body));
    }

    /** Runs the stand-in alone: {@code java ... TranslateSimulator [port]}. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 4050;
        TranslateSimulator sim = start(port, SimServer.JSON.createObjectNode());
        System.out.println("Amazon Translate stand-in at " + sim.baseUrl());
        Thread.currentThread().join();
    }
}
