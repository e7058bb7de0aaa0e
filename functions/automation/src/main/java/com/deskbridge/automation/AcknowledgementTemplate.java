package com.deskbridge.automation;

import com.deskbridge.macros.MacroLanguage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The acknowledgement sent when a message arrives while the seller is closed (the weekend window, product.md §4):
 * it thanks the buyer and states the day the seller will answer, in English, German, French, Italian, Spanish, Dutch,
 * Polish or Swedish.
 * Written like a macro, with two placeholders: {{AnswerDay}} (weekday and date, formatted per language) and
 * {{SellerName}}. It follows Amazon's Buyer–Seller Messaging rules (https://sellercentral.amazon.com/help/hub/reference/external/G200383320): no links, no contact
 * details, no marketing, no review request, and it does not need the buyer's name (often unknown on Amazon).
 * Weekday names are written out here, not taken from the JDK's locale data, so the text is the same on every
 * runtime; dates are the macros' own formats ({@link MacroLanguage#date}: German "26.10.2026", English
 * "26 October 2026", Dutch "26-10-2026", Polish "26.10.2026", Swedish "2026-10-26").
 */
public final class AcknowledgementTemplate {
    /** The id rules use to send this acknowledgement instead of a catalog macro. */
    public static final String ID = "builtin-next-opening-acknowledgement";
    static final String ANSWER_DAY = "{{AnswerDay}}";
    static final String SELLER_NAME = "{{SellerName}}";

    private static final Map<MacroLanguage, String> BODIES = new EnumMap<>(MacroLanguage.class);
    private static final Map<MacroLanguage, List<String>> WEEKDAYS = new EnumMap<>(MacroLanguage.class);

    static {
        BODIES.put(MacroLanguage.EN, """
                Hello,

                Thank you for your message. It reached us outside our business hours, so our team will answer it \
                on {{AnswerDay}}.

                There is no need to send your message again: it is already with us.

                Kind regards,
                {{SellerName}}""");
        BODIES.put(MacroLanguage.DE, """
                Guten Tag,

                vielen Dank für Ihre Nachricht. Sie hat uns außerhalb unserer Geschäftszeiten erreicht; unser Team \
                wird sie am {{AnswerDay}} beantworten.

                Sie müssen Ihre Nachricht nicht erneut senden: Sie liegt uns bereits vor.

                Mit freundlichen Grüßen
                {{SellerName}}""");
        BODIES.put(MacroLanguage.FR, """
                Bonjour,

                Merci pour votre message. Il nous est parvenu en dehors de nos heures d'ouverture ; notre équipe y \
                répondra le {{AnswerDay}}.

                Inutile de renvoyer votre message : nous l'avons bien reçu.

                Cordialement,
                {{SellerName}}""");
        BODIES.put(MacroLanguage.IT, """
                Gentile cliente,

                La ringraziamo per il Suo messaggio. Ci è pervenuto al di fuori del nostro orario di lavoro: il \
                nostro team Le risponderà {{AnswerDay}}.

                Non è necessario inviare di nuovo il messaggio: lo abbiamo già ricevuto.

                Cordiali saluti,
                {{SellerName}}""");
        BODIES.put(MacroLanguage.ES, """
                Hola:

                Gracias por su mensaje. Nos ha llegado fuera de nuestro horario de atención, por lo que nuestro \
                equipo le responderá el {{AnswerDay}}.

                No es necesario que vuelva a enviar su mensaje: ya lo hemos recibido.

                Un cordial saludo,
                {{SellerName}}""");
        BODIES.put(MacroLanguage.NL, """
                Beste klant,

                Hartelijk dank voor uw bericht. Het is buiten onze openingstijden binnengekomen; ons team \
                beantwoordt het op {{AnswerDay}}.

                U hoeft uw bericht niet opnieuw te sturen: wij hebben het al ontvangen.

                Met vriendelijke groet,
                {{SellerName}}""");
        BODIES.put(MacroLanguage.PL, """
                Dzień dobry,

                Dziękujemy za wiadomość. Dotarła do nas poza godzinami pracy, dlatego nasz zespół odpowie na nią \
                {{AnswerDay}}.

                Nie ma potrzeby ponownego wysyłania wiadomości – już ją otrzymaliśmy.

                Z pozdrowieniami
                {{SellerName}}""");
        BODIES.put(MacroLanguage.SV, """
                Hej!

                Tack för ditt meddelande. Det kom in utanför våra öppettider, så vårt team besvarar det på \
                {{AnswerDay}}.

                Du behöver inte skicka meddelandet igen: vi har redan tagit emot det.

                Vänliga hälsningar
                {{SellerName}}""");
        WEEKDAYS.put(MacroLanguage.EN, List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                "Sunday"));
        WEEKDAYS.put(MacroLanguage.DE, List.of("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag",
                "Sonntag"));
        WEEKDAYS.put(MacroLanguage.FR, List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                "dimanche"));
        WEEKDAYS.put(MacroLanguage.IT, List.of("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
                "domenica"));
        WEEKDAYS.put(MacroLanguage.ES, List.of("lunes", "martes", "miércoles", "jueves", "viernes", "sábado",
                "domingo"));
        WEEKDAYS.put(MacroLanguage.NL, List.of("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag",
                "zondag"));
        // Polish names the day with its preposition, in the accusative ("w poniedziałek", "we wtorek", "w środę")
        WEEKDAYS.put(MacroLanguage.PL, List.of("w poniedziałek", "we wtorek", "w środę", "w czwartek", "w piątek",
                "w sobotę", "w niedzielę"));
        WEEKDAYS.put(MacroLanguage.SV, List.of("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag",
                "söndag"));
        for (MacroLanguage l : MacroLanguage.values()) {
            String body = BODIES.get(l);
            if (body == null || !body.contains(ANSWER_DAY) || !body.contains(SELLER_NAME) || WEEKDAYS.get(l) == null) {
                throw new IllegalStateException("acknowledgement template incomplete for " + l);
            }
        }
    }

    private AcknowledgementTemplate() {
    }

    /**
     * The acknowledgement in {@code language}, stating {@code answerDay} (a seller-local date).
     *
     * @param sellerName the shop name the reply is signed with; not blank
     */
    public static String render(MacroLanguage language, LocalDate answerDay, String sellerName) {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(answerDay, "answerDay");
        if (sellerName == null || sellerName.isBlank()) {
            throw new IllegalArgumentException("sellerName is required");
        }
        return BODIES.get(language).replace(ANSWER_DAY, answerDay(answerDay, language))
                .replace(SELLER_NAME, sellerName.strip());
    }

    /**
     * The day as the template inserts it: "Monday, 26 October 2026", "Montag, 26.10.2026", "lundi 26/10/2026",
     * "lunedì 26/10/2026", "lunes 26/10/2026", "maandag 26-10-2026", "w poniedziałek, 26.10.2026",
     * "måndag 2026-10-26".
     */
    public static String answerDay(LocalDate day, MacroLanguage language) {
        String weekday = weekday(day.getDayOfWeek(), language);
        return switch (language) {
            case EN, DE, PL -> weekday + ", " + language.date(day);
            case FR, IT, ES, NL, SV -> weekday + " " + language.date(day);
        };
    }

    static String weekday(DayOfWeek day, MacroLanguage language) {
        return WEEKDAYS.get(language).get(day.getValue() - 1);
    }
}
