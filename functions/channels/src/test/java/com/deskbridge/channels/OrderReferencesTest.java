package com.deskbridge.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderReferencesTest {

    @Test
    void findsShopifyOrderNamesInSubjectBeforeBody() {
        assertThat(OrderReferences.find("Where is order #1042?", "I ordered on Monday, see #1001."))
                .containsExactly("#1042", "#1001");
    }

    @Test
    void findsNumbersAfterTheWordForOrderInEightLanguages() {
        assertThat(OrderReferences.find(null, "Hallo, meine Bestellung Nr. 1043 ist nicht angekommen.")).containsExactly("#1043");
        assertThat(OrderReferences.find("Bestellnummer: 1044", null)).containsExactly("#1044");
        assertThat(OrderReferences.find(null, "Ma commande n° 1045 est en retard")).containsExactly("#1045");
        assertThat(OrderReferences.find(null, "il mio ordine 1046")).containsExactly("#1046");
        assertThat(OrderReferences.find(null, "mi pedido 1047 no llegó")).containsExactly("#1047");
        assertThat(OrderReferences.find(null, "mijn bestelling 1048")).containsExactly("#1048");
        assertThat(OrderReferences.find(null, "moje zamówienie nr 1049")).containsExactly("#1049");
        assertThat(OrderReferences.find(null, "min beställning 1050")).containsExactly("#1050");
        assertThat(OrderReferences.find("Re: Order number 1051", null)).containsExactly("#1051");
    }

    @Test
    void triesTheShopsOwnPrefixes() {
        assertThat(OrderReferences.find("About SHOP-2001", "order 2002", Set.of("SHOP-")))
                .containsExactly("SHOP-2001", "#2002", "SHOP-2002");
    }

    @Test
    void ignoresTrackingNumbersPhoneNumbersDatesAndAmounts() {
        assertThat(OrderReferences.find("Tracking 00340434161094042557",
                "Call me at +49 170 1234567 on 21.11.2026, I paid 49.90 EUR. Parcel 1Z5338FF0107231059.")).isEmpty();
        assertThat(OrderReferences.find(null, "order 00340434161094042557")).isEmpty();
        assertThat(OrderReferences.find(null, "Issue#12 in my order")).isEmpty();
    }
}
