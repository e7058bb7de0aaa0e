package com.deskbridge.macros;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Date and money formats per language, written out rather than taken from the JDK's locale data so a reply reads
 * the same on every runtime (CLDR updates change spaces and abbreviations): German "22.11.2026" and "12,50 €",
 * French/Italian/Spanish "22/11/2026" and "12,50 €", English "22 November 2026" and "€12.50" (day before month,
 * month spelled out, so neither UK nor US buyers misread it), Dutch (nl-NL) "22-11-2026" and "€ 12,50" (symbol
 * first, "€ 1.234,50"), Polish (pl-PL) "22.11.2026" and "12,50 €" ("12,50 zł"; groups of thousands with a no-break
 * space from five digits on: "1234,50 zł", "12 345,00 zł"), Swedish (sv-SE) "2026-11-22" and "12,50 €"
 * ("12,50 kr", "1 234,50 kr"). The Polish and Swedish forms follow CLDR's pl and sv number patterns
 * (https://github.com/unicode-org/cldr/blob/main/common/main/pl.xml, …/sv.xml); the Swedish date is the numeric
 * form Swedish writing uses (ISO 8601's year-month-day, CLDR sv's short date pattern). Thread-safe.
 */
final class LocalFormats {
    private static final Map<MacroLanguage, DateTimeFormatter> DATES = new EnumMap<>(MacroLanguage.class);

    static {
        DATES.put(MacroLanguage.EN, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        DATES.put(MacroLanguage.DE, DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.GERMAN));
        DATES.put(MacroLanguage.FR, DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.FRENCH));
        DATES.put(MacroLanguage.IT, DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ITALIAN));
        DATES.put(MacroLanguage.ES, DateTimeFormatter.ofPattern("dd/MM/uuuu", MacroLanguage.ES.locale()));
        DATES.put(MacroLanguage.NL, DateTimeFormatter.ofPattern("dd-MM-uuuu", MacroLanguage.NL.locale()));
        DATES.put(MacroLanguage.PL, DateTimeFormatter.ofPattern("dd.MM.uuuu", MacroLanguage.PL.locale()));
        DATES.put(MacroLanguage.SV, DateTimeFormatter.ofPattern("uuuu-MM-dd", MacroLanguage.SV.locale()));
    }

    private LocalFormats() {
    }

    static String date(LocalDate date, MacroLanguage language) {
        return DATES.get(language).format(date);
    }

    /** The amount rounded half-up to the currency's minor unit, with the language's separators and symbol place. */
    static String money(BigDecimal amount, Currency currency, MacroLanguage language) {
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        BigDecimal rounded = amount.setScale(scale, RoundingMode.HALF_UP);
        String plain = rounded.toPlainString();
        String whole = plain.contains(".") ? plain.substring(0, plain.indexOf('.')) : plain;
        String fraction = plain.contains(".") ? plain.substring(plain.indexOf('.') + 1) : "";
        boolean english = language == MacroLanguage.EN;
        char group = switch (language) {
            case EN -> ',';
            case FR, PL, SV -> '\u00A0';
            default -> '.';
        };
        // Polish leaves four-digit amounts ungrouped (CLDR pl: minimumGroupingDigits 2)
        boolean grouped = language != MacroLanguage.PL || whole.length() > 4;
        StringBuilder number = new StringBuilder(grouped ? group(whole, group) : whole);
        if (!fraction.isEmpty()) {
            number.append(english ? '.' : ',').append(fraction);
        }
        String symbol = symbol(currency, language);
        if (english) {
            return symbol.length() == 1 ? symbol + number : symbol + " " + number;
        }
        if (language == MacroLanguage.NL) {
            return symbol + " " + number;
        }
        return number + " " + symbol;
    }

    private static String group(String digits, char separator) {
        StringBuilder b = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % 3 == 0) {
                b.append(separator);
            }
            b.append(digits.charAt(i));
        }
        return b.toString();
    }

    /** The symbol buyers of that language read; the local currencies' own words only in their language. */
    private static String symbol(Currency currency, MacroLanguage language) {
        return switch (currency.getCurrencyCode()) {
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "USD" -> "$";
            case "PLN" -> language == MacroLanguage.PL ? "zł" : "PLN";
            case "SEK" -> language == MacroLanguage.SV ? "kr" : "SEK";
            default -> currency.getCurrencyCode();
        };
    }
}
