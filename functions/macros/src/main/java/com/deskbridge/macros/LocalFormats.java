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
 * month spelled out, so neither UK nor US buyers misread it). Thread-safe.
 */
final class LocalFormats {
    private static final Map<MacroLanguage, DateTimeFormatter> DATES = new EnumMap<>(MacroLanguage.class);

    static {
        DATES.put(MacroLanguage.EN, DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
        DATES.put(MacroLanguage.DE, DateTimeFormatter.ofPattern("dd.MM.uuuu", Locale.GERMAN));
        DATES.put(MacroLanguage.FR, DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.FRENCH));
        DATES.put(MacroLanguage.IT, DateTimeFormatter.ofPattern("dd/MM/uuuu", Locale.ITALIAN));
        DATES.put(MacroLanguage.ES, DateTimeFormatter.ofPattern("dd/MM/uuuu", MacroLanguage.ES.locale()));
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
            case FR -> '\u00A0';
            default -> '.';
        };
        StringBuilder number = new StringBuilder(group(whole, group));
        if (!fraction.isEmpty()) {
            number.append(english ? '.' : ',').append(fraction);
        }
        String symbol = symbol(currency);
        if (english) {
            return symbol.length() == 1 ? symbol + number : symbol + " " + number;
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

    private static String symbol(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "USD" -> "$";
            default -> currency.getCurrencyCode();
        };
    }
}
