package com.deskbridge.ebay;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Signs a request the way eBay requires for EU/UK sellers ("Digital Signatures for APIs",
 * https://developer.ebay.com/develop/guides/digital-signatures-for-apis; RFC 9421 HTTP Message Signatures and RFC 9530
 * Digest Fields): {@code Content-Digest} (SHA-256 of the body, when there is one), {@code x-ebay-signature-key} (the
 * public key as JWE from eBay's Key Management API), {@code Signature-Input} covering
 * {@code content-digest x-ebay-signature-key @method @path @authority} with {@code created}, and {@code Signature}
 * over the RFC 9421 signature base with the private key: Ed25519 (eBay's recommendation) or RSASSA-PKCS1-v1_5 SHA-256.
 */
final class HttpSignatures {

    /** The key material from the seller's secret. */
    record SigningKey(String jwe, PrivateKey privateKey, String algorithm) {
        @Override
        public String toString() {
            return "SigningKey[algorithm=" + algorithm + ", privateKey=***]";
        }
    }

    private HttpSignatures() {
    }

    static SigningKey key(String jwe, String privateKeyBase64, String algorithm) {
        String alg = algorithm == null || algorithm.isBlank() ? "Ed25519" : algorithm;
        try {
            PrivateKey key = KeyFactory.getInstance(alg.equalsIgnoreCase("RSA") ? "RSA" : "Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.trim())));
            return new SigningKey(jwe, key, alg.equalsIgnoreCase("RSA") ? "RSA" : "Ed25519");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the eBay signing key in the seller's secret is not a PKCS#8 " + alg + " key");
        }
    }

    /** The four headers (three without a body), in the order they are added. */
    static Map<String, String> headers(String method, URI uri, byte[] body, SigningKey key, Instant created) {
        Map<String, String> h = new LinkedHashMap<>();
        boolean hasBody = body != null && body.length > 0;
        String digest = hasBody ? "sha-256=:" + Base64.getEncoder().encodeToString(sha256(body)) + ":" : null;
        String components = (hasBody ? "\"content-digest\" " : "") + "\"x-ebay-signature-key\" \"@method\" \"@path\" \"@authority\"";
        String params = "(" + components + ");created=" + created.getEpochSecond();
        StringBuilder base = new StringBuilder();
        if (hasBody) {
            base.append("\"content-digest\": ").append(digest).append('\n');
        }
        base.append("\"x-ebay-signature-key\": ").append(key.jwe()).append('\n')
                .append("\"@method\": ").append(method.toUpperCase(Locale.ROOT)).append('\n')
                .append("\"@path\": ").append(uri.getRawPath()).append('\n')
                .append("\"@authority\": ").append(authority(uri)).append('\n')
                .append("\"@signature-params\": ").append(params);
        try {
            Signature signer = Signature.getInstance(key.algorithm().equals("RSA") ? "SHA256withRSA" : "Ed25519");
            signer.initSign(key.privateKey());
            signer.update(base.toString().getBytes(StandardCharsets.UTF_8));
            String signature = Base64.getEncoder().encodeToString(signer.sign());
            if (hasBody) {
                h.put("Content-Digest", digest);
            }
            h.put("x-ebay-signature-key", key.jwe());
            h.put("Signature-Input", "sig1=" + params);
            h.put("Signature", "sig1=:" + signature + ":");
            return h;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the eBay signing key (" + key.algorithm() + ")", e);
        }
    }

    /** RFC 9421 {@code @authority}: host, lower case, with the port unless it is the scheme's default. */
    static String authority(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equals(uri.getScheme()) && port == 443) || ("http".equals(uri.getScheme()) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
