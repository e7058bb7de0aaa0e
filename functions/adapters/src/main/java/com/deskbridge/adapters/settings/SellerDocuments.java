package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.SellerId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One kind of seller setting, parsed: the seller's stored document turned into its object (compiled tag rules,
 * SLA policies), or the fallback when the seller stored none. A parsed object is reused while its document is
 * unchanged, so a container does not re-parse (or recompile regexes) for every message.
 */
public final class SellerDocuments<T> implements Function<SellerId, T> {
    private record Parsed<T>(String document, T value) {
    }

    private final SellerSettings settings;
    private final SellerSetting setting;
    private final T fallback;
    private final Function<String, T> parser;
    private final Map<SellerId, Parsed<T>> parsed = new ConcurrentHashMap<>();

    public SellerDocuments(SellerSettings settings, SellerSetting setting, T fallback, Function<String, T> parser) {
        this.settings = Objects.requireNonNull(settings);
        this.setting = Objects.requireNonNull(setting);
        this.fallback = Objects.requireNonNull(fallback);
        this.parser = Objects.requireNonNull(parser);
    }

    @Override
    public T apply(SellerId seller) {
        return settings.document(seller, setting).map(document -> {
            Parsed<T> cached = parsed.get(seller);
            if (cached != null && cached.document().equals(document)) {
                return cached.value();
            }
            T value = parser.apply(document);
            parsed.put(seller, new Parsed<>(document, value));
            return value;
        }).orElse(fallback);
    }
}
