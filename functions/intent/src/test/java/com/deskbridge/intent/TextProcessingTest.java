package com.deskbridge.intent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextProcessingTest {

    @Test
    void normalisesCaseAccentsApostrophesAndNumbers() {
        assertThat(TextNormalizer.tokens("Je n'ai PAS reçu l’article 302-1234567-7654321, Straße!"))
                .containsExactly("je", "n", "ai", "pas", "recu", "l", "article", "#", "#", "#", "|", "strasse", "|");
        assertThat(TextNormalizer.tokens("Œuvre, ¿Dónde?")).containsExactly("oeuvre", "|", "donde", "|");
        assertThat(TextNormalizer.tokens("Paczka nie dotarła, wysłano źle. Försändelsen har delats ut"))
                .containsExactly("paczka", "nie", "dotarla", "|", "wyslano", "zle", "|", "forsandelsen", "har",
                        "delats", "ut");
    }

    @Test
    void stripsQuotedRepliesHeadersAndSignatures() {
        assertThat(QuotedTextStripper.strip("Hello\n> old text\nbye")).isEqualTo("Hello\nbye\n");
        assertThat(QuotedTextStripper.strip("Neu\n\nAm 5. Nov. 2025 um 10:00 schrieb Shop <a@b.de>:\nalt"))
                .isEqualTo("Neu\n\n");
        assertThat(QuotedTextStripper.strip("New\nOn Tue, 4 Nov 2025, Shop <a@b.c>\nwrote:\nold")).isEqualTo("New\n");
        assertThat(QuotedTextStripper.strip("Nuevo\n-----Original Message-----\nviejo")).isEqualTo("Nuevo\n");
        assertThat(QuotedTextStripper.strip("Text\nDe : Shop\nObjet : Commande\nancien")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("Text\n-- \nAnna Rossi\nsignature")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("Text\nSent from my iPhone")).isEqualTo("Text\n");
        assertThat(QuotedTextStripper.strip("On Monday it arrived broken.")).isEqualTo("On Monday it arrived broken.\n");
    }

    @Test
    void stripsInTheNewLanguagesToo() {
        assertThat(QuotedTextStripper.strip("Nieuw\nOp 3 mrt. 2026 om 10:12 schreef Winkel <w@x.nl>:\n> oud"))
                .isEqualTo("Nieuw\n");
        assertThat(QuotedTextStripper.strip("Nowe\nW dniu 3.03.2026 o 10:12 Obsługa sklepu napisał(a):\n> stare"))
                .isEqualTo("Nowe\n");
        assertThat(QuotedTextStripper.strip("Ny\nDen 3 mars 2026 skrev Butiken <b@x.se>:\n> gammal"))
                .isEqualTo("Ny\n");
        assertThat(QuotedTextStripper.strip("Tekst\nVan: Winkel\nVerzonden: maandag\noud")).isEqualTo("Tekst\n");
        assertThat(QuotedTextStripper.strip("Hej\nSkickat från min iPhone")).isEqualTo("Hej\n");
    }

    @Test
    void keepsTheMessageInsideAmazonsRelayFrameAndDropsTheFooter() {
        String relayed = "------------- Beginn der Nachricht -------------\n\nWo ist mein Paket?\n\n"
                + "------------- Ende der Nachricht -------------\n\nZu Ihrer Information: Um Anträge im Rahmen der "
                + "A-bis-z-Garantie zu bearbeiten, speichert Amazon alle Nachrichten.";
        assertThat(QuotedTextStripper.strip(relayed).strip()).isEqualTo("Wo ist mein Paket?");
        String english = "------------- Begin message -------------\nWhere is it?\n------------- End message "
                + "-------------\nFor Your Information: To help arbitrate A-to-z Guarantee claims ...";
        assertThat(QuotedTextStripper.strip(english).strip()).isEqualTo("Where is it?");
    }

    @Test
    void separatesTheBuyersTextFromWhatItCarries() {
        QuotedTextStripper.Parts parts = QuotedTextStripper.split(
                "See below, please help\n---------- Forwarded message ---------\nFrom: DHL <n@dhl.example>\n"
                        + "Date: 3 March\nYour parcel was returned to the sender.");
        assertThat(parts.own()).isEqualTo("See below, please help\n");
        assertThat(parts.carried()).contains("returned to the sender");
    }
}
