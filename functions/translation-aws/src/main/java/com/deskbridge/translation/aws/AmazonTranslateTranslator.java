package com.deskbridge.translation.aws;

import com.deskbridge.translation.Translation;
import com.deskbridge.translation.TranslationUnavailableException;
import com.deskbridge.translation.Translator;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.translate.TranslateClient;
import software.amazon.awssdk.services.translate.model.DetectedLanguageLowConfidenceException;
import software.amazon.awssdk.services.translate.model.InternalServerException;
import software.amazon.awssdk.services.translate.model.ServiceUnavailableException;
import software.amazon.awssdk.services.translate.model.TextSizeLimitExceededException;
import software.amazon.awssdk.services.translate.model.TooManyRequestsException;
import software.amazon.awssdk.services.translate.model.TranslateException;
import software.amazon.awssdk.services.translate.model.TranslateTextRequest;
import software.amazon.awssdk.services.translate.model.TranslateTextResponse;
import software.amazon.awssdk.services.translate.model.UnsupportedLanguagePairException;

/**
 * {@link Translator} over Amazon Translate's TranslateText
 * (https://docs.aws.amazon.com/translate/latest/APIReference/API_TranslateText.html) with the AWS SDK for Java 2. Build
 * one per container ({@link #client}) and share it.
 *
 * <p>A response counts as a translation only when Translate says the text is now in the requested language
 * ({@code TargetLanguageCode}) and that language differs from the one it read ({@code SourceLanguageCode}); otherwise
 * the source text comes back as untranslated with the reason: the local stand-in cannot translate and answers in the
 * source language, and Translate itself returns a text that already is in the target language unchanged. An
 * unsupported language pair or an undetectable language is likewise an untranslated answer, not an error. Throttling
 * and outages (after the SDK's own retries) are {@link TranslationUnavailableException}. Buyer text is never logged.
 */
public final class AmazonTranslateTranslator implements Translator {

    private static final Logger LOG = Logger.getLogger(AmazonTranslateTranslator.class.getName());
    /** The header the local stand-in sets on answers it did not translate. */
    static final String STAND_IN_HEADER = "x-deskbridge-translation";

    private final TranslateClient client;

    public AmazonTranslateTranslator(TranslateClient client) {
        this.client = Objects.requireNonNull(client);
    }

    /**
     * A TranslateClient on the JDK URL-connection HTTP client, for {@code region}; {@code endpointOverride} points it at
     * the local stand-in. Credentials come from the default provider chain (the function's role in AWS).
     */
    public static TranslateClient client(Region region, Optional<URI> endpointOverride) {
        var builder = TranslateClient.builder().region(region).httpClientBuilder(UrlConnectionHttpClient.builder());
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    @Override
    public Translation translate(String text, String sourceLanguage, String targetLanguage) {
        String source = sourceLanguage == null || sourceLanguage.isBlank() ? "auto" : sourceLanguage;
        long characters = text.codePointCount(0, text.length());
        TranslateTextResponse response;
        try {
            response = client.translateText(TranslateTextRequest.builder()
                    .text(text).sourceLanguageCode(source).targetLanguageCode(targetLanguage).build());
        } catch (UnsupportedLanguagePairException e) {
            return Translation.untranslated(text, nullIfAuto(source), targetLanguage,
                    "Amazon Translate does not translate " + source + " into " + targetLanguage, 0);
        } catch (DetectedLanguageLowConfidenceException e) {
            return Translation.untranslated(text, null, targetLanguage,
                    "Amazon Translate could not tell the text's language with confidence", 0);
        } catch (TextSizeLimitExceededException e) {
            throw new IllegalArgumentException("text over Amazon Translate's 10,000-byte limit; split it first "
                    + "(TranslationService does)", e);
        } catch (TooManyRequestsException | ServiceUnavailableException | InternalServerException e) {
            throw unavailable(e.getClass().getSimpleName(), e.requestId(), e);
        } catch (TranslateException e) {
            if (e.statusCode() >= 500 || e.statusCode() == 429) {
                throw unavailable(e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode(),
                        e.requestId(), e);
            }
            throw new IllegalStateException("Amazon Translate refused the request: "
                    + (e.awsErrorDetails() == null ? "HTTP " + e.statusCode() : e.awsErrorDetails().errorCode()), e);
        } catch (SdkClientException e) {
            throw new TranslationUnavailableException("no answer from Amazon Translate (" + e.getClass().getSimpleName() + ")", e);
        }
        boolean standIn = response.sdkHttpResponse().firstMatchingHeader(STAND_IN_HEADER)
                .filter("untranslated"::equalsIgnoreCase).isPresent();
        Translation answer = Translation.fromEngine(text, targetLanguage, response.sourceLanguageCode(),
                response.targetLanguageCode(), response.translatedText(), standIn, characters);
        if (!answer.translated()) {
            LOG.fine(() -> "TranslateText requestId=" + response.responseMetadata().requestId() + " untranslated: "
                    + answer.note());
        }
        return answer;
    }

    private static TranslationUnavailableException unavailable(String what, String requestId, Exception e) {
        return new TranslationUnavailableException("Amazon Translate unavailable: " + what
                + (requestId == null ? "" : " (request id " + requestId + ")"), e);
    }

    private static String nullIfAuto(String code) {
        return code == null || code.equalsIgnoreCase("auto") ? null : code;
    }
}
