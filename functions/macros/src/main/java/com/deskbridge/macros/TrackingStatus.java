package com.deskbridge.macros;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The normalized shipment statuses (AfterShip's nine tags, https://www.aftership.com/docs/tracking/2025-01/enum/delivery-statuses) with the wording a
 * buyer reads in each language, so {{TrackingStatus}} is in the buyer's language rather than the carrier's code.
 */
public enum TrackingStatus {
    PENDING("Pending", "the shipment has been registered with the carrier and is waiting to be handed over",
            "die Sendung ist beim Versanddienstleister angemeldet und wartet auf die Übergabe",
            "l'envoi est enregistré auprès du transporteur et attend sa prise en charge",
            "la spedizione è registrata presso il corriere ed è in attesa di ritiro",
            "el envío está registrado en la empresa de transporte y pendiente de recogida",
            "de zending is aangemeld bij de vervoerder en wacht op overdracht",
            "przesyłka została zarejestrowana u przewoźnika i czeka na nadanie",
            "försändelsen är registrerad hos transportören och väntar på att lämnas över"),
    INFO_RECEIVED("InfoReceived", "the carrier has received the shipment details",
            "der Versanddienstleister hat die Sendungsdaten erhalten",
            "le transporteur a reçu les informations de l'envoi",
            "il corriere ha ricevuto i dati della spedizione",
            "la empresa de transporte ha recibido los datos del envío",
            "de vervoerder heeft de gegevens van de zending ontvangen", "przewoźnik otrzymał dane przesyłki",
            "transportören har tagit emot uppgifterna om försändelsen"),
    IN_TRANSIT("InTransit", "in transit", "unterwegs", "en cours d'acheminement", "in transito", "en tránsito",
            "onderweg", "w drodze", "på väg"),
    OUT_FOR_DELIVERY("OutForDelivery", "out for delivery", "in Zustellung", "en cours de livraison",
            "in consegna", "en reparto",
            "wordt vandaag bezorgd", "wydana do doręczenia", "ute för leverans"),
    ATTEMPT_FAIL("AttemptFail", "a delivery attempt was not successful", "ein Zustellversuch war nicht erfolgreich",
            "une tentative de livraison a échoué", "un tentativo di consegna non è andato a buon fine",
            "un intento de entrega no se ha podido completar",
            "een bezorgpoging is niet gelukt", "próba doręczenia nie powiodła się",
            "ett leveransförsök misslyckades"),
    AVAILABLE_FOR_PICKUP("AvailableForPickup", "ready for collection at the pick-up point",
            "zur Abholung in der Filiale bzw. am Abholpunkt bereit", "disponible au point de retrait",
            "disponibile per il ritiro presso il punto di ritiro", "disponible para recoger en el punto de recogida",
            "ligt klaar om te worden opgehaald bij het afhaalpunt", "czeka na odbiór w punkcie odbioru",
            "finns att hämta på utlämningsstället"),
    DELIVERED("Delivered", "delivered", "zugestellt", "livré", "consegnato", "entregado",
            "bezorgd", "doręczona", "levererad"),
    EXCEPTION("Exception", "the carrier has reported a delay or problem with the shipment",
            "der Versanddienstleister meldet eine Verzögerung oder ein Problem mit der Sendung",
            "le transporteur signale un retard ou un problème concernant l'envoi",
            "il corriere segnala un ritardo o un problema con la spedizione",
            "la empresa de transporte informa de un retraso o una incidencia en el envío",
            "de vervoerder meldt een vertraging of een probleem met de zending",
            "przewoźnik zgłasza opóźnienie lub problem z przesyłką",
            "transportören rapporterar en försening eller ett problem med försändelsen"),
    EXPIRED("Expired", "the carrier has not reported any new information for some time",
            "der Versanddienstleister hat seit einiger Zeit keine neuen Informationen gemeldet",
            "le transporteur n'a pas communiqué de nouvelles informations depuis un certain temps",
            "il corriere non comunica nuovi aggiornamenti da qualche tempo",
            "la empresa de transporte no ha comunicado novedades desde hace algún tiempo",
            "de vervoerder heeft al enige tijd geen nieuwe informatie doorgegeven",
            "przewoźnik od pewnego czasu nie przekazał nowych informacji",
            "transportören har inte rapporterat någon ny information på ett tag");

    private final String tag;
    private final Map<MacroLanguage, String> wording = new EnumMap<>(MacroLanguage.class);

    TrackingStatus(String tag, String en, String de, String fr, String it, String es, String nl, String pl,
                   String sv) {
        this.tag = tag;
        wording.put(MacroLanguage.EN, en);
        wording.put(MacroLanguage.DE, de);
        wording.put(MacroLanguage.FR, fr);
        wording.put(MacroLanguage.IT, it);
        wording.put(MacroLanguage.ES, es);
        wording.put(MacroLanguage.NL, nl);
        wording.put(MacroLanguage.PL, pl);
        wording.put(MacroLanguage.SV, sv);
    }

    /** The normalized tag, e.g. "InTransit". */
    public String tag() {
        return tag;
    }

    /** The buyer-facing wording in {@code language}. */
    public String wording(MacroLanguage language) {
        return wording.get(language);
    }

    /** The status for a normalized tag ("InTransit", also "in_transit"/"IN_TRANSIT"), if known. */
    public static Optional<TrackingStatus> fromTag(String tag) {
        if (tag == null) {
            return Optional.empty();
        }
        String t = tag.replace("_", "").replace("-", "").trim();
        for (TrackingStatus s : values()) {
            if (s.tag.equalsIgnoreCase(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
