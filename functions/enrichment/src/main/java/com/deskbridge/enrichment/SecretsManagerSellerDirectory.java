package com.deskbridge.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * The sellers with an account on a channel: a seller has one when the secret {@code <prefix><sellerId>} exists (README
 * "eBay and Shopify accounts"; no other setting), so the sellers are the names Secrets Manager lists under the prefix
 * ({@code ListSecrets} with the {@code name} filter, a prefix match,
 * https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_ListSecrets.html and API_Filter.html). Only names
 * are read, never values. Names that do not start with the prefix exactly (the filter is not case-sensitive) or whose
 * rest is no seller id are left out.
 */
public final class SecretsManagerSellerDirectory implements Supplier<List<String>> {

    private static final java.util.regex.Pattern SELLER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final SecretsManagerClient client;
    private final String prefix;

    public SecretsManagerSellerDirectory(SecretsManagerClient client, String prefix) {
        this.client = Objects.requireNonNull(client);
        this.prefix = Objects.requireNonNull(prefix);
    }

    @Override
    public List<String> get() {
        List<String> sellers = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListSecretsResponse page = client.listSecrets(r -> r.maxResults(100).nextToken(next)
                    .filters(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build()));
            for (SecretListEntry e : page.secretList()) {
                String name = e.name();
                if (name != null && name.startsWith(prefix) && SELLER_ID.matcher(name.substring(prefix.length())).matches()) {
                    sellers.add(name.substring(prefix.length()));
                }
            }
            token = page.nextToken();
        } while (token != null && !token.isEmpty());
        return sellers.stream().distinct().sorted().toList();
    }
}
