package com.deskbridge.adapters.sla;

import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.ticket.SellerId;
import java.util.Optional;

/** Where sellers' SLA policies are kept, as validated JSON documents ({@link SlaPolicyJson}). */
public interface SlaPolicyStore {

    /** Validates and stores the document. @throws com.deskbridge.domain.ticket.InvalidInputException naming the field */
    SlaPolicies save(SellerId seller, String document, String savedBy);

    /** The seller's stored document, if any. */
    Optional<String> document(SellerId seller);
}
