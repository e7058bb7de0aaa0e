package com.deskbridge.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Hand-written sample e-mails (all names, addresses and ids are invented). Lines end in CRLF as on the wire. */
final class MailFixtures {
    static final String RELAY_DE = "7h2k9x4m1q8w3z5@marketplace.amazon.de";

    private MailFixtures() {
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static byte[] utf8(String mail) {
        return crlf(mail).getBytes(StandardCharsets.UTF_8);
    }

    static String base64(byte[] content) {
        return Base64.getMimeEncoder().encodeToString(content);
    }

    /** Deterministic pseudo-binary content of the given size, starting with the given magic bytes. */
    static byte[] binary(int size, int... magic) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i < magic.length ? magic[i] : (i * 131 + 17));
        }
        return bytes;
    }

    static String amazonRelayPlain() {
        return crlf("""
                Return-Path: <0102018e@eu-west-1.amazonses.com>
                From: "Erika Mustermann - Amazon Marketplace" <7H2K9X4M1Q8W3Z5@Marketplace.Amazon.DE>
                To: support@gartenwelt.example
                Subject: Frage zur Bestellung 302-1234567-7654321 von Erika Mustermann
                Date: Tue, 03 Mar 2026 10:15:00 +0100
                Message-ID: <0102018e1a2b3c4d-relay-001@eu-west-1.amazonses.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 7bit

                Order ID: 302-1234567-7654321
                1 x Garden hose 20 m

                ------------- Message: -------------

                Hello, the parcel has not arrived yet.
                Can you check the tracking?

                ------------- End message -------------

                For your information: to help arrive at a resolution, buyer and seller can
                see this conversation. Order 999-9999999-9999999 is only an example.
                """);
    }

    static String germanAlternativeQuotedPrintable() {
        return crlf("""
                From: =?UTF-8?Q?J=C3=BCrgen_Gro=C3=9F_-_Amazon_Marketplace?= <q1w2e3r4t5y6u7i@marketplace.amazon.de>
                To: service@gartenwelt.example
                Subject: =?UTF-8?Q?R=C3=BCcksendung_m=C3=B6glich=3F?=
                Date: Wed, 04 Mar 2026 08:00:00 +0000
                Message-ID: <relay-de-002@eu-west-1.amazonses.com>
                MIME-Version: 1.0
                Content-Type: multipart/alternative; boundary="alt-7f3a"

                This is a multi-part message in MIME format.

                --alt-7f3a
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                ------------- Nachricht: -------------

                Guten Tag, die Gie=C3=9Fkanne f=C3=BCr Bestellung 028-7654321-1234567 ist =
                besch=C3=A4digt angekommen. K=C3=B6nnen Sie mir eine neue schicken?

                Viele Gr=C3=BC=C3=9Fe
                J=C3=BCrgen

                ------------- Ende der Nachricht -------------
                --alt-7f3a
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                <html><body><p>HTML-Fassung, die nicht gew=C3=A4hlt werden darf</p></body></html>
                --alt-7f3a--
                """);
    }

    static String htmlOnlyWithTableAndScript() {
        return crlf("""
                From: "Shop Kunde" <kunde@example.org>
                To: support@gartenwelt.example
                Subject: Order status
                Date: Thu, 05 Mar 2026 12:30:00 +0100
                Message-ID: <html-only-003@mail.example.org>
                MIME-Version: 1.0
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                <!DOCTYPE html>
                <html><head><title>Mail title</title><style>p { color: red; }</style></head>
                <body>
                <script>var secret = 'do-not-show';</script>
                <p>Hello team,</p>
                <p>my items:<br>first line<br/>second&nbsp;line</p>
                <table>
                  <tr><th>Item</th><th>Qty</th></tr>
                  <tr><td>Watering can</td><td>2</td></tr>
                </table>
                <div>Thanks, <b>Kim</b></div>
                <noscript>enable javascript</noscript>
                </body></html>
                """);
    }

    /** The body is quoted-printable ISO-8859-1, the subject an ISO-8859-1 encoded word. */
    static String frenchLatin1() {
        return crlf("""
                From: =?ISO-8859-1?Q?Ren=E9e_Lef=E8vre?= <k9j8h7g6f5d4s3a@marketplace.amazon.fr>
                To: support@gartenwelt.example
                Subject: =?ISO-8859-1?Q?Probl=E8me_de_livraison?=
                Date: Fri, 06 Mar 2026 09:45:00 +0100
                Message-ID: <relay-fr-004@eu-west-1.amazonses.com>
                MIME-Version: 1.0
                Content-Type: text/plain; charset="ISO-8859-1"
                Content-Transfer-Encoding: quoted-printable

                Bonjour, o=F9 est ma commande 171-1111111-2222222 ? Tr=E8s d=E9=E7u.
                Cordialement, Ren=E9e
                """);
    }

    static String genericMail(String extraHeaders, String messageIdHeader) {
        return crlf("""
                From: "Pat Example" <Pat.Example@Example.COM>
                To: support@gartenwelt.example
                Subject: Re: Wholesale enquiry
                Date: Sat, 07 Mar 2026 18:00:00 +0000
                %s%sMIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thanks for the quick answer.
                """.formatted(messageIdHeader, extraHeaders));
    }
}
