package com.deskbridge.compliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deterministic detectors on the obfuscated and look-alike forms real replies use, in the eight languages:
 * spelled-out and bracketed e-mail addresses and domains, spaced web addresses, short links, phone numbers with
 * " / " and " - " groups, in WhatsApp links and in words, and the numbers that look like phone numbers but are not
 * (ISBN, IMEI, serial numbers, VAT and company ids, tracking numbers, dates). Every example is invented.
 */
class LexicalDetectorsTest {
    private static final ComplianceChecker CHECKER = new ComplianceChecker();
    private static final List<RuleId> LEXICAL = List.of(RuleId.EXTERNAL_LINK, RuleId.EMAIL_ADDRESS,
            RuleId.PHONE_NUMBER, RuleId.EMOJI_OR_PICTOGRAPH);

    private static List<Finding> lexical(String body) {
        return CHECKER.check(body).findings().stream().filter(f -> LEXICAL.contains(f.rule())).toList();
    }

    /** {@code expected}: the lexical rules the body must give, exactly (space-separated, empty for none). */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        // e-mail addresses with an obfuscated "at": an address only, never also a link
        "EMAIL_ADDRESS|Schreiben Sie an kundendienst(ät)moebelwelt-nord(punkt)de, wir antworten gern.",
        "EMAIL_ADDRESS|Bei Fragen: info (ät) ofenbau-mayer de",
        "EMAIL_ADDRESS|Écrivez à atelier [arobase] bougies-lumiere.fr pour un devis.",
        "EMAIL_ADDRESS|Envoyez la photo à sav arobase lampes-douces point fr, merci.",
        "EMAIL_ADDRESS|Scrivici: ordini(chiocciola)forno-antico(punto)it",
        "EMAIL_ADDRESS|Per un preventivo: vendite [chiocciola] sartoria-blu [punto] it",
        "EMAIL_ADDRESS|Correo: tienda arroba ceramica-sol punto es",
        "EMAIL_ADDRESS|Escríbanos a presupuestos (arroba) persianas-norte (punto) com",
        "EMAIL_ADDRESS|Mail ons: klantenservice (apenstaartje) fietsdeel (punt) nl",
        "EMAIL_ADDRESS|Napisz: kontakt(małpa)drewno-dom(kropka)pl",
        "EMAIL_ADDRESS|Mejla oss: order [snabel-a] tradgardshuset.se",
        "EMAIL_ADDRESS|Please write to support at kettle-works dot com with a photo.",
        "EMAIL_ADDRESS|Mail j.kowal at lampy-kowal dot pl",
        "EMAIL_ADDRESS|You can contact anna at gardenshop dot com for the invoice.",
        "EMAIL_ADDRESS|Mail: service @ shop-nord . de",
        // spelled-out, spaced and short web addresses
        "EXTERNAL_LINK|Register your blender at blendpro dot com to extend the warranty.",
        "EXTERNAL_LINK|You can also buy direct from us at hedgetrim dot co dot uk next time.",
        "EXTERNAL_LINK|Le guide de montage est sur lampes-douces point fr slash montage.",
        "EXTERNAL_LINK|Tutte le ricette sul nostro sito pastaria punto it.",
        "EXTERNAL_LINK|Il manuale: ricambi punto caffemoka punto it",
        "EXTERNAL_LINK|Visite nuestra web azulejosmar punto es para ver la colección.",
        "EXTERNAL_LINK|La tabla de tallas: bicisur punto es barra tallas",
        "EXTERNAL_LINK|Anleitung: w w w . fahrradteile-sued . de / montage",
        "EXTERNAL_LINK|Zie www fietsonderdelen nl/handleiding voor de maten.",
        "EXTERNAL_LINK|Instrukcja: www . meble-las . pl",
        "EXTERNAL_LINK|Besuchen Sie uns auf fahrradwelt punkt de",
        "EXTERNAL_LINK|Nyhetsbrev: tiny.cc/tradgard-tips",
        "EXTERNAL_LINK|Die Anleitung finden Sie unter beispiel-shop . de",
        "EXTERNAL_LINK|Sign up at rb.gy/k3x9q for offers.",
        "EXTERNAL_LINK|Hälsningar, Anna – Lampor.nu",
        "|Follow us on Instagram @kitchenjoy.de for new arrivals",
        // phone numbers
        "PHONE_NUMBER|Ihr Ansprechpartner, Durchwahl 0711 / 12 34 56-78",
        "PHONE_NUMBER|Rufen Sie zurück: +49 (0) 89 / 444 555 66.",
        "PHONE_NUMBER|Bel gerust 030 - 456 78 90 tussen 9 en 17 uur.",
        "PHONE_NUMBER|Swisha 150 kr till 073-555 12 34 så skickar vi den.",
        "PHONE_NUMBER|Our line is open all day: O2O 8123 4O56.",
        "PHONE_NUMBER|Ring oss på noll åtta, ett två tre, fyrtiofem, sextiosju.",
        "PHONE_NUMBER|Chiamaci al tre quattro sette, uno due tre, quattro cinque sei sette.",
        "PHONE_NUMBER|Text us on zero seven nine, one one two, three four five six.",
        "PHONE_NUMBER|Ruf an unter null eins sieben eins, zwei drei vier, fünf sechs sieben.",
        "PHONE_NUMBER|Appelez le zéro un, quarante-deux, dix-sept, trente, cinquante.",
        "PHONE_NUMBER|Llámenos al seis-uno-dos, tres-cuatro-cinco, seis-siete-ocho.",
        "PHONE_NUMBER|Bel ons op nul twee nul, vijf zes zeven, achtentwintig.",
        "PHONE_NUMBER|Nasz numer: pięćset sto dwadzieścia, trzysta czterdzieści.",
        "EXTERNAL_LINK PHONE_NUMBER|Schreib uns auf WhatsApp: wa.me/4915112345678",
        // look-alikes that are none of them
        "|Le colis vous attend au point relais depuis hier.",
        "|Puede recogerlo en el punto de recogida de su barrio.",
        "|El punto es que el paquete llegó tarde, lo sentimos.",
        "|Il pacco è disponibile al punto vendita di via Roma.",
        "|At some point it will be back in stock.",
        "|Le point de vente le plus proche ouvre à 9 h.",
        "|Wir sind am Samstag at the fair, stand 12.",
        "|ISBN 978-3-16-148410-0, second edition.",
        "|El libro (ISBN 978-84-206-5532-1) sale hoy.",
        "|The phone with IMEI 49 015420 323751 8 was received.",
        "|Die Seriennummer (SN 4471-2309-1188) ist registriert.",
        "|Het serienummer 77-3301-2256 valt onder de garantie.",
        "|Unsere USt-IdNr. lautet DE 123 456 789.",
        "|Nasz NIP: 123-456-32-18, REGON 012345678.",
        "|Numéro SIRET : 732 829 320 00074.",
        "|Tracked parcel RR 123 456 789 DE is on its way.",
        "|Il numero UPS è 1Z 9X7 215 03 4455 6677.",
        "|El número de guía es 5521 7788 9900.",
        "|Garantie ab Lieferdatum (14.03.2026).",
        "|Step one, two, three, four: open the lid.",
        "|Ihre Kundennummer lautet 4412 778 190.",
        "|Your customer number is 5520 431 889, case 7781 223 904.",
        "|Sizes 36 / 38 / 40 / 42 / 44 are in stock again.",
        "|Öffnungszeiten 9 - 17 Uhr, Lieferung in 2 - 3 Werktagen.",
        "|IBAN DE89 3704 0044 0532 0130 00",
        "|Il punto è che il corriere ha sbagliato indirizzo.",
        "|Ta det punkt för punkt.",
        "|Le condizioni: https://www.amazon.it/gp/help/display.html?nodeId=204512345 . Se il pacco non arriva, ci scriva.",
        "|Es kostet nur zwei, drei Euro mehr.",
        // references that look like phone numbers: an IBAN without its word, register numbers, a year-led case
        // number, a pick-up point with a bracketed postcode; and numbers that are phone numbers after all
        "|Wir haben 12,95 € auf Ihr Konto NL91 ABNA 0417 1643 00 überwiesen.",
        "|Handelsregister: RCS Paris B 552 081 317",
        "|Ihr Vorgang hat die Nummer 2025-11-204/C.",
        "|Il dossier 2026-03-118 è stato aperto ieri.",
        "|Point relais n° 004512 (69003 Lyon) enregistré.",
        "PHONE_NUMBER|Kostenlos erreichen Sie uns unter 0800 – 765 43 21.",
        "PHONE_NUMBER|Call me on oh seven seven double oh, nine double oh, four five six.",
        "PHONE_NUMBER|Vårt kontor svarar på +46 8 123 456 78 också.",
        "EXTERNAL_LINK|All our pages: linktr.ee/teapot_corner",
    })
    void findsExactlyTheLexicalRules(String expected, String body) {
        List<RuleId> want = expected == null ? List.of()
                : java.util.Arrays.stream(expected.split(" ")).map(RuleId::valueOf).toList();
        List<Finding> found = lexical(body);

        assertThat(found.stream().map(Finding::rule).distinct().sorted().toList()).as(body)
                .containsExactlyElementsOf(want.stream().sorted().toList());
        assertThat(found).allSatisfy(f -> {
            assertThat(f.start()).isGreaterThanOrEqualTo(0);
            assertThat(f.end()).isGreaterThan(f.start()).isLessThanOrEqualTo(body.length());
            assertThat(f.saferAlternative()).isNotBlank();
        });
    }

    /** A number broken over two lines is one phone number after a phone word, and two numbers without one. */
    @Test
    void aNumberOverTwoLinesIsAPhoneNumberOnlyAfterAPhoneWord() {
        String called = "Pour aller plus vite, composez le 04 72\n10 20 30 (jusqu'à 18h).";
        assertThat(lexical(called)).extracting(f -> called.substring(f.start(), f.end())).containsExactly("04 72\n10 20 30");
        assertThat(lexical("Größen auf Lager: 0 12\n34 56 78 Stück.")).isEmpty();
        String signature = "Lena Krause\n+49 30 1234567\n10115 Berlin";
        assertThat(lexical(signature)).extracting(f -> signature.substring(f.start(), f.end()))
                .containsExactly("+49 30 1234567");
    }

    /** A bracket the number opens and does not close ends the number: "(24h)" is no part of it. */
    @Test
    void aBracketOpenedAfterTheDigitsEndsTheNumber() {
        String hotline = "Unsere Hotline 0800 123 4567 (24h) hilft gern.";
        assertThat(lexical(hotline)).extracting(f -> hotline.substring(f.start(), f.end()))
                .containsExactly("0800 123 4567");
    }

    /** The span covers the whole obfuscated form, from the mailbox to the top-level domain. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Bitte an kundendienst(ät)moebelwelt-nord(punkt)de schreiben.|kundendienst(ät)moebelwelt-nord(punkt)de",
        "Infos sur lampes-douces point fr slash montage.|lampes-douces point fr slash montage",
        "Bel 030 - 456 78 90 of mail.|030 - 456 78 90",
        "Ring noll åtta, ett två tre, fyrtiofem, sextiosju.|noll åtta, ett två tre, fyrtiofem, sextiosju",
    })
    void spansCoverTheWholeForm(String body, String span) {
        assertThat(lexical(body)).extracting(f -> body.substring(f.start(), f.end())).contains(span);
    }

    /**
     * An off-Amazon-contact sentence that holds an address stays when it says more than the address (the invitation
     * is its own finding); a sentence that is only the address (a signature line) is reported as the address alone.
     */
    @org.junit.jupiter.api.Test
    void anInvitationAroundAnAddressKeepsItsOwnFinding() {
        String invitation = "Write to us at info (arroba) tienda-sol (punto) es for a quote.";
        String signature = "Mail: info (arroba) tienda-sol (punto) es";

        assertThat(merged(invitation, "info (arroba) tienda-sol (punto) es")).containsExactlyInAnyOrder(
                RuleId.EMAIL_ADDRESS, RuleId.OFF_AMAZON_CONTACT);
        assertThat(merged(signature, "info (arroba) tienda-sol (punto) es")).containsExactly(RuleId.EMAIL_ADDRESS);
    }

    private static List<RuleId> merged(String text, String address) {
        int at = text.indexOf(address);
        List<Span> spans = List.of(
                new Span(RuleId.OFF_AMAZON_CONTACT, Severity.BLOCK, 0, text.length(), "contact", "reply here"),
                new Span(RuleId.EMAIL_ADDRESS, Severity.BLOCK, at, at + address.length(), "address", "remove it"));
        return ComplianceChecker.merge(spans, text).stream().map(Span::rule).toList();
    }
}
