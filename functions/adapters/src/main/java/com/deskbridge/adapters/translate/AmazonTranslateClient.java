package com.deskbridge.adapters.translate;

import com.deskbridge.adapters.config.Env;
import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationUnavailableException;
import com.deskbridge.translation.Translator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * {@link Translator} over Amazon Translate's TranslateText
 * (https://docs.aws.amazon.com/translate/latest/APIReference/API_TranslateText.html) in the AWS JSON 1.1 protocol
 * ({@code X-Amz-Target: AWSShineFrontendService_20170701.TranslateText}), signed with the SDK's SigV4 signer
 * (signing name {@code translate}). It is the functions' adapter because the SDK's generated Translate client is not on
 * this build's mirror at the functions' SDK version (functions/translation-aws, at SDK 2.59.1, is the same port over
 * that client); both judge Translate's answer with {@link Translation#fromEngine}.
 *
 * <p>Throttling ({@code TooManyRequestsException}), {@code ServiceUnavailableException}, {@code InternalServerException}
 * and lost answers are retried twice, then reported as {@link TranslationUnavailableException}. An unsupported pair or
 * an undetectable language is an untranslated answer. Buyer text is never logged. Build one per container.
 */
public final class AmazonTranslateClient implements Translator {
    static final String TARGET = "AWSShineFrontendService_20170701.TranslateText";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private final SdkHttpClient http;
    private final URI endpoint;
    private final String region;
    private final AwsCredentialsProvider credentials;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    public AmazonTranslateClient(SdkHttpClient http, URI endpoint, String region, AwsCredentialsProvider credentials) {
        this.http = Objects.requireNonNull(http);
        this.endpoint = Objects.requireNonNull(endpoint);
        this.region = Objects.requireNonNull(region);
        this.credentials = Objects.requireNonNull(credentials);
    }

    /**
     * From the environment: the region from AWS_REGION, the endpoint from {@code AWS_ENDPOINT_URL_TRANSLATE} (the local
     * runner's stand-in) or Translate's regional endpoint, the default credentials chain (the function's role).
     */
    public static AmazonTranslateClient fromEnvironment() {
        String region = Env.get("AWS_REGION").orElseGet(() -> Env.require("aws.region"));
        URI endpoint = URI.create(Env.get("AWS_ENDPOINT_URL_TRANSLATE").or(() -> Env.get("AWS_ENDPOINT_URL"))
                .orElse("https://translate." + region + ".amazonaws.com"));
        return new AmazonTranslateClient(UrlConnectionHttpClient.builder().build(), endpoint, region,
                DefaultCredentialsProvider.builder().build());
    }

    @Override
    public Translation translate(String text, String sourceLanguage, String targetLanguage) {
        String source = sourceLanguage == null || sourceLanguage.isBlank() ? "auto" : sourceLanguage;
        long characters = text.codePointCount(0, text.length());
        ObjectNode request = JSON.createObjectNode().put("Text", text).put("SourceLanguageCode", source)
                .put("TargetLanguageCode", targetLanguage);
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        String lastProblem = "no answer";
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Answer answer;
            try {
                answer = call(body);
            } catch (IOException | RuntimeException e) {
                lastProblem = "no answer from Amazon Translate (" + e.getClass().getSimpleName() + ")";
                backOff(attempt);
                continue;
            }
            if (answer.status() == 200) {
                JsonNode json = answer.json();
                return Translation.fromEngine(text, targetLanguage, json.path("SourceLanguageCode").asText(null),
                        json.path("TargetLanguageCode").asText(null), json.path("TranslatedText").asText(null),
                        answer.standIn(), characters);
            }
            String type = answer.errorType();
            switch (type) {
                case "UnsupportedLanguagePairException":
                    return Translation.untranslated(text, "auto".equals(source) ? null : source, targetLanguage,
                            "Amazon Translate does not translate " + source + " into " + targetLanguage, 0);
                case "DetectedLanguageLowConfidenceException":
                    return Translation.untranslated(text, null, targetLanguage,
                            "Amazon Translate could not tell the text's language with confidence", 0);
                case "TextSizeLimitExceededException":
                    throw new IllegalArgumentException("text over Amazon Translate's 10,000-byte limit; split it first "
                            + "(TranslationService does)");
                case "TooManyRequestsException", "ServiceUnavailableException", "InternalServerException":
                    lastProblem = "Amazon Translate unavailable: " + type + answer.requestIdNote();
                    break;
                default:
                    if (answer.status() >= 500 || answer.status() == 429) {
                        lastProblem = "Amazon Translate unavailable: HTTP " + answer.status() + answer.requestIdNote();
                        break;
                    }
                    throw new IllegalStateException("Amazon Translate refused the request: " + type + answer.requestIdNote());
            }
            backOff(attempt);
        }
        throw new TranslationUnavailableException(lastProblem, null);
    }

    private record Answer(int status, JsonNode json, boolean standIn, String requestId, String typeHeader) {
        String errorType() {
            String type = json.path("__type").asText(typeHeader == null ? "HTTP " + status : typeHeader);
            int hash = type.lastIndexOf('#');
            type = hash >= 0 ? type.substring(hash + 1) : type;
            int colon = type.indexOf(':');
            return colon >= 0 ? type.substring(0, colon) : type;
        }

        String requestIdNote() {
            return requestId == null ? "" : " (request id " + requestId + ")";
        }
    }

    private Answer call(byte[] body) throws IOException {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET).build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials()).request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "translate")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null)).build()).call();
        byte[] bytes;
        Optional<? extends InputStream> stream = response.responseBody();
        try (InputStream in = stream.isPresent() ? stream.get() : InputStream.nullInputStream()) {
            bytes = in.readAllBytes();
        }
        int status = response.httpResponse().statusCode();
        JsonNode json = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
        boolean standIn = response.httpResponse().firstMatchingHeader("x-deskbridge-translation")
                .filter("untranslated"::equalsIgnoreCase).isPresent();
        return new Answer(status, json, standIn, response.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null),
                response.httpResponse().firstMatchingHeader("x-amzn-ErrorType").orElse(null));
    }

    private static void backOff(int attempt) {
        if (attempt >= ATTEMPTS) {
            return;
        }
        try {
            Thread.sleep(50L * attempt * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranslationUnavailableException("interrupted while waiting to retry Amazon Translate", e);
        }
    }
}
