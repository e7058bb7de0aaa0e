package com.deskbridge.spapi;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed FBA shipments report ({@code GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL}): Amazon's tab-separated flat
 * file, where the only source of carrier and tracking number for Amazon-channel FBA orders lives
 * (https://developer-docs.amazon.com/sp-api/docs/fba-sales-reports-attributes). Columns are read by header name, so added, reordered or missing columns do not break it; only
 * {@code amazon-order-id} is required. Personal data columns (buyer, recipient, phone, address lines, postal code)
 * are skipped while reading and never held. Decoded as UTF-8, or windows-1252 when the bytes are not valid UTF-8
 * (EU flat files have been seen in both; UNCONFIRMED which one Amazon uses per marketplace).
 *
 * @param reportId      the report it came from (null when parsed from a file)
 * @param dataStartTime the requested data range start
 * @param dataEndTime   the requested data range end
 * @param obtainedAt    when Deskbridge downloaded it
 */
public record FbaShipmentsReport(String reportId, Instant dataStartTime, Instant dataEndTime, Instant obtainedAt,
                                 List<FbaShipment> shipments) {

    public static final String REPORT_TYPE = "GET_AMAZON_FULFILLED_SHIPMENTS_DATA_GENERAL";

    public FbaShipmentsReport {
        shipments = List.copyOf(shipments);
    }

    /** The lines of one order (several per order when it shipped in parts or with several items). */
    public List<FbaShipment> forOrder(String amazonOrderId) {
        return shipments.stream().filter(s -> s.amazonOrderId().equals(amazonOrderId)).toList();
    }

    /** Parses the flat file's bytes; an empty file gives no lines. */
    public static List<FbaShipment> parse(byte[] content) {
        return parse(decode(content));
    }

    /** Parses the flat file's text. */
    public static List<FbaShipment> parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            return List.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines[0].replace("\uFEFF", "").split("\t", -1);
        for (int i = 0; i < header.length; i++) {
            columns.putIfAbsent(header[i].trim().toLowerCase(Locale.ROOT), i);
        }
        if (!columns.containsKey("amazon-order-id")) {
            throw new IllegalArgumentException("not an FBA shipments report: no amazon-order-id column in the header");
        }
        List<FbaShipment> out = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            Row row = new Row(columns, lines[n].split("\t", -1));
            String orderId = row.text("amazon-order-id");
            if (orderId == null) {
                continue;
            }
            out.add(new FbaShipment(orderId, row.text("merchant-order-id"), row.text("shipment-id"),
                    row.text("shipment-item-id"), row.text("amazon-order-item-id"), row.text("sku"),
                    row.integer("quantity-shipped"), row.instant("purchase-date"), row.instant("shipment-date"),
                    row.instant("estimated-arrival-date"), row.text("carrier"), row.text("tracking-number"),
                    row.text("fulfillment-center-id"), row.text("ship-service-level"), row.text("ship-city"),
                    row.text("ship-state"), row.text("ship-country"), row.text("sales-channel")));
        }
        return out;
    }

    private record Row(Map<String, Integer> columns, String[] cells) {

        String text(String column) {
            Integer i = columns.get(column);
            if (i == null || i >= cells.length) {
                return null;
            }
            String v = cells[i].trim();
            return v.isEmpty() ? null : v;
        }

        int integer(String column) {
            String v = text(column);
            return v != null && v.matches("\\d{1,9}") ? Integer.parseInt(v) : 0;
        }

        Optional<Instant> instant(String column) {
            String v = text(column);
            return v == null ? Optional.empty() : Json.toInstant(v);
        }
    }

    private static String decode(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return new String(content, Charset.forName("windows-1252"));
        }
    }
}
