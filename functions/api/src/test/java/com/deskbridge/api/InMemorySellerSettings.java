package com.deskbridge.api;

import com.deskbridge.adapters.settings.SellerSetting;
import com.deskbridge.adapters.settings.SellerSettings;
import com.deskbridge.domain.ticket.SellerId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Settings documents in memory, by seller and setting (the DynamoDB store is exercised by the contract tests). */
final class InMemorySellerSettings implements SellerSettings {
    /** Every saved document, by "{seller}/{setting}". */
    final Map<String, String> saved = new HashMap<>();

    @Override
    public void save(SellerId seller, SellerSetting setting, String document, String savedBy) {
        saved.put(seller.value() + "/" + setting, document);
    }

    @Override
    public Optional<String> document(SellerId seller, SellerSetting setting) {
        return Optional.ofNullable(saved.get(seller.value() + "/" + setting));
    }
}
