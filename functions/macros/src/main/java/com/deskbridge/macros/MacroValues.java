package com.deskbridge.macros;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The live values for one reply, by placeholder, each checked against its placeholder's {@link Placeholder.Kind}
 * and formatted per language when rendered ({@link LocalFormats}): dates as "22.11.2026" in German, money as
 * "12,50 €". A blank text counts as no value, so a macro never renders an empty gap. Build with
 * {@link #builder()}; immutable once built. {@code toString} shows which placeholders are set, not the values
 * (they hold buyer names).
 */
public final class MacroValues {
    private final Map<Placeholder, Object> values;

    private MacroValues(Map<Placeholder, Object> values) {
        this.values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** No values at all. */
    public static MacroValues none() {
        return new MacroValues(Map.of());
    }

    /** True when {@code placeholder} has a value. */
    public boolean has(Placeholder placeholder) {
        return values.containsKey(placeholder);
    }

    /** The value formatted for {@code language}; throws {@link IllegalStateException} when there is none. */
    public String format(Placeholder placeholder, MacroLanguage language) {
        Object v = values.get(placeholder);
        if (v == null) {
            throw new IllegalStateException("no value for " + placeholder.token());
        }
        if (v instanceof LocalDate d) {
            return LocalFormats.date(d, language);
        }
        if (v instanceof Money m) {
            return LocalFormats.money(m.amount(), m.currency(), language);
        }
        if (v instanceof TrackingStatus s) {
            return s.wording(language);
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return "MacroValues" + values.keySet();
    }

    private record Money(BigDecimal amount, Currency currency) {
    }

    /** Collects values; each setter rejects a value of the wrong kind for its placeholder. */
    public static final class Builder {
        private final Map<Placeholder, Object> values = new EnumMap<>(Placeholder.class);

        private Builder() {
        }

        /** A text value; null or blank leaves the placeholder unset (it will be reported missing). */
        public Builder text(Placeholder placeholder, String value) {
            require(placeholder, Placeholder.Kind.TEXT);
            if (value == null || value.isBlank()) {
                values.remove(placeholder);
            } else {
                values.put(placeholder, value.strip());
            }
            return this;
        }

        /** The tracking status, worded in the language the macro is rendered in; null leaves it unset. */
        public Builder trackingStatus(TrackingStatus status) {
            return put(Placeholder.TRACKING_STATUS, status);
        }

        /** A date value; null leaves it unset. */
        public Builder date(Placeholder placeholder, LocalDate value) {
            require(placeholder, Placeholder.Kind.DATE);
            return put(placeholder, value);
        }

        /** An amount of money (not negative); a null amount leaves it unset. */
        public Builder money(Placeholder placeholder, BigDecimal amount, Currency currency) {
            require(placeholder, Placeholder.Kind.MONEY);
            if (amount == null) {
                return put(placeholder, null);
            }
            Objects.requireNonNull(currency, "currency");
            if (amount.signum() < 0) {
                throw new IllegalArgumentException(placeholder.token() + " must not be negative");
            }
            return put(placeholder, new Money(amount, currency));
        }

        /** An absolute https link; null leaves it unset. */
        public Builder link(Placeholder placeholder, URI value) {
            require(placeholder, Placeholder.Kind.LINK);
            if (value != null && (!"https".equalsIgnoreCase(value.getScheme()) || value.getHost() == null)) {
                throw new IllegalArgumentException(placeholder.token() + " must be an absolute https URL");
            }
            return put(placeholder, value);
        }

        public MacroValues build() {
            return new MacroValues(values);
        }

        private Builder put(Placeholder placeholder, Object value) {
            if (value == null) {
                values.remove(placeholder);
            } else {
                values.put(placeholder, value);
            }
            return this;
        }

        private static void require(Placeholder placeholder, Placeholder.Kind kind) {
            Objects.requireNonNull(placeholder, "placeholder");
            if (placeholder.kind() != kind) {
                throw new IllegalArgumentException(placeholder.token() + " takes a " + placeholder.kind()
                        + " value, not " + kind);
            }
        }
    }
}
