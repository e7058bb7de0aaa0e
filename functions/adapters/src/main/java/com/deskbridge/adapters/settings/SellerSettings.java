package com.deskbridge.adapters.settings;

import com.deskbridge.domain.ticket.SellerId;
import java.util.Optional;

/** A seller's settings documents. Callers validate a document (with its codec) before saving it. */
public interface SellerSettings {

    void save(SellerId seller, SellerSetting setting, String document, String savedBy);

    Optional<String> document(SellerId seller, SellerSetting setting);
}
