package com.deskbridge.macros;

import static com.deskbridge.macros.MacroLanguage.DE;
import static com.deskbridge.macros.MacroLanguage.EN;
import static com.deskbridge.macros.MacroLanguage.ES;
import static com.deskbridge.macros.MacroLanguage.FR;
import static com.deskbridge.macros.MacroLanguage.IT;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deskbridge's own macros (issue 5), in English, German, French, Italian and Spanish. They follow Amazon's
 * Buyer–Seller Messaging rules (https://sellercentral.amazon.com/help/hub/reference/external/G200383320): no links (the buyer is pointed to "Your Orders" in the
 * Amazon account instead), no contact details, no marketing, and no request for a review or feedback, not even in
 * the thank-you macro. The FBM shipping update gives carrier and tracking number as plain text because Amazon often
 * strips carrier links; {@link #FBM_SHIPPING_UPDATE_WITH_LINK} adds {{TrackingLink}} and is offered only to sellers
 * with {@link MacroSettings#carrierLinksEnabled()}. Signed with the shop name only, so automatic replies (which have
 * no agent) can use them too. Every body is checked by the compliance checker in the tests.
 */
public final class BuiltInMacros {
    public static final String FBM_SHIPPING_UPDATE = "builtin-fbm-shipping-update";
    public static final String FBM_SHIPPING_UPDATE_WITH_LINK = "builtin-fbm-shipping-update-link";
    public static final String FBA_AMAZON_SUPPORT = "builtin-fba-amazon-support";
    public static final String RETURN_REQUEST = "builtin-return-request";
    public static final String DAMAGED_ITEM = "builtin-damaged-item";
    public static final String CANCELLATION_CONFIRMATION = "builtin-cancellation-confirmation";
    public static final String REFUND_CONFIRMATION = "builtin-refund-confirmation";
    public static final String POSITIVE_FEEDBACK_THANKS = "builtin-positive-feedback-thanks";

    /** Ids starting with this are reserved for built-ins. */
    public static final String ID_PREFIX = "builtin-";

    private static final List<Macro> ALL = List.of(
            macro(FBM_SHIPPING_UPDATE, "Shipping update (seller-fulfilled)", fbmShippingUpdate(),
                    "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(FBM_SHIPPING_UPDATE_WITH_LINK, "Shipping update with carrier tracking link (seller-fulfilled)",
                    withTrackingLink(fbmShippingUpdate()), "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(FBA_AMAZON_SUPPORT, "Delivery question on an FBA order: refer to Amazon customer service",
                    fbaAmazonSupport(), "WHERE_IS_MY_ORDER", "DELIVERY_PROBLEM"),
            macro(RETURN_REQUEST, "Return request: how to start the return", returnRequest(), "RETURN"),
            macro(DAMAGED_ITEM, "Damaged item: ask for photos, offer replacement or refund", damagedItem(),
                    "DAMAGED_ITEM"),
            macro(CANCELLATION_CONFIRMATION, "Cancellation confirmation", cancellationConfirmation(),
                    "CANCELLATION_REQUEST"),
            macro(REFUND_CONFIRMATION, "Refund confirmation", refundConfirmation(), "REFUND_REQUEST"),
            macro(POSITIVE_FEEDBACK_THANKS, "Thanks for a kind message", positiveFeedbackThanks(),
                    "POSITIVE_FEEDBACK"));

    private BuiltInMacros() {
    }

    /** Every built-in, in a stable order. */
    public static List<Macro> all() {
        return ALL;
    }

    private static Macro macro(String id, String name, Map<MacroLanguage, String> bodies, String... intents) {
        return Macro.define(new MacroDefinition(id, name, bodies, Set.of(intents)), true);
    }

    private static Map<MacroLanguage, String> bodies(String en, String de, String fr, String it, String es) {
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        m.put(EN, en);
        m.put(DE, de);
        m.put(FR, fr);
        m.put(IT, it);
        m.put(ES, es);
        return m;
    }

    private static Map<MacroLanguage, String> withTrackingLink(Map<MacroLanguage, String> bodies) {
        Map<MacroLanguage, String> labels = Map.of(EN, "Carrier tracking page", DE,
                "Sendungsverfolgung des Versanddienstleisters", FR, "Page de suivi du transporteur", IT,
                "Pagina di tracciamento del corriere", ES, "Página de seguimiento del transportista");
        Map<MacroLanguage, String> m = new EnumMap<>(MacroLanguage.class);
        bodies.forEach((lang, body) -> {
            String line = Placeholder.TRACKING_NUMBER.token() + "\n";
            if (!body.contains(line)) {
                throw new IllegalStateException("no tracking number line in the " + lang + " shipping update");
            }
            String colon = lang == FR ? " : " : ": ";
            m.put(lang, body.replace(line, line + labels.get(lang) + colon + Placeholder.TRACKING_LINK.token()
                    + "\n"));
        });
        return m;
    }

    private static Map<MacroLanguage, String> fbmShippingUpdate() {
        return bodies("""
                Hello {{CustomerName}},

                Thank you for your message about order {{OrderID}}.

                Your item "{{ProductName}}" was shipped on {{ShipDate}} with {{Carrier}}.
                Tracking number: {{TrackingNumber}}
                Current status: {{TrackingStatus}}
                Expected delivery: {{EstimatedDelivery}}

                You can also follow the delivery at any time under "Your Orders" in your Amazon account. If the \
                parcel has not arrived by the expected date, please reply to this message and we will look into it \
                straight away.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                vielen Dank für Ihre Nachricht zur Bestellung {{OrderID}}.

                Ihr Artikel „{{ProductName}}“ wurde am {{ShipDate}} mit {{Carrier}} verschickt.
                Sendungsnummer: {{TrackingNumber}}
                Aktueller Status: {{TrackingStatus}}
                Voraussichtliche Zustellung: {{EstimatedDelivery}}

                Den Sendungsverlauf können Sie jederzeit auch unter „Meine Bestellungen“ in Ihrem Amazon-Konto \
                einsehen. Sollte das Paket bis zum genannten Datum nicht angekommen sein, antworten Sie bitte \
                einfach auf diese Nachricht – wir kümmern uns dann umgehend darum.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Merci pour votre message concernant la commande {{OrderID}}.

                Votre article « {{ProductName}} » a été expédié le {{ShipDate}} avec {{Carrier}}.
                Numéro de suivi : {{TrackingNumber}}
                Statut actuel : {{TrackingStatus}}
                Livraison prévue : {{EstimatedDelivery}}

                Vous pouvez également suivre l'acheminement à tout moment dans la rubrique « Vos commandes » de \
                votre compte Amazon. Si le colis n'est pas arrivé à la date prévue, il vous suffit de répondre à ce \
                message et nous nous en occuperons immédiatement.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                La ringraziamo per il Suo messaggio relativo all'ordine {{OrderID}}.

                L'articolo «{{ProductName}}» è stato spedito il {{ShipDate}} con {{Carrier}}.
                Numero di tracciamento: {{TrackingNumber}}
                Stato attuale: {{TrackingStatus}}
                Consegna prevista: {{EstimatedDelivery}}

                Può seguire la spedizione in qualsiasi momento anche nella sezione "I miei ordini" del Suo account \
                Amazon. Se il pacco non dovesse arrivare entro la data prevista, Le basta rispondere a questo \
                messaggio e ce ne occuperemo subito.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Gracias por su mensaje sobre el pedido {{OrderID}}.

                Su artículo «{{ProductName}}» se envió el {{ShipDate}} con {{Carrier}}.
                Número de seguimiento: {{TrackingNumber}}
                Estado actual: {{TrackingStatus}}
                Entrega prevista: {{EstimatedDelivery}}

                También puede consultar el estado del envío en cualquier momento en «Mis pedidos» de su cuenta de \
                Amazon. Si el paquete no ha llegado en la fecha prevista, basta con que responda a este mensaje y \
                nos ocuparemos de inmediato.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> fbaAmazonSupport() {
        return bodies("""
                Hello {{CustomerName}},

                Thank you for your message about order {{OrderID}}.

                This order is shipped and delivered by Amazon, so Amazon's customer service has the latest \
                delivery information and can help you directly with any question about the delivery. The tracking \
                number of your parcel is {{TrackingNumber}}.

                You can see the delivery status under "Your Orders" in your Amazon account; from the order you can \
                also reach Amazon's customer service directly.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                vielen Dank für Ihre Nachricht zur Bestellung {{OrderID}}.

                Diese Bestellung wird von Amazon versendet und zugestellt. Der Amazon-Kundenservice hat daher die \
                aktuellsten Informationen zur Lieferung und kann Ihnen bei allen Fragen zur Zustellung direkt \
                weiterhelfen. Die Sendungsnummer Ihres Pakets lautet {{TrackingNumber}}.

                Den Lieferstatus finden Sie unter „Meine Bestellungen“ in Ihrem Amazon-Konto; dort können Sie sich \
                bei der Bestellung auch direkt an den Amazon-Kundenservice wenden.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Merci pour votre message concernant la commande {{OrderID}}.

                Cette commande est expédiée et livrée par Amazon : le service client d'Amazon dispose donc des \
                informations de livraison les plus récentes et peut vous aider directement pour toute question \
                concernant la livraison. Le numéro de suivi de votre colis est {{TrackingNumber}}.

                Vous trouverez l'état de la livraison dans la rubrique « Vos commandes » de votre compte Amazon ; \
                depuis la commande, vous pouvez également joindre directement le service client d'Amazon.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                La ringraziamo per il Suo messaggio relativo all'ordine {{OrderID}}.

                Questo ordine viene spedito e consegnato da Amazon: il servizio clienti di Amazon dispone quindi \
                delle informazioni più aggiornate sulla consegna e può aiutarLa direttamente per qualsiasi domanda \
                in merito. Il numero di tracciamento del Suo pacco è {{TrackingNumber}}.

                Può verificare lo stato della consegna nella sezione "I miei ordini" del Suo account Amazon, da cui \
                può anche rivolgersi direttamente al servizio clienti di Amazon.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Gracias por su mensaje sobre el pedido {{OrderID}}.

                Amazon se encarga del envío y la entrega de este pedido, por lo que su servicio de atención al \
                cliente dispone de la información de entrega más actualizada y puede ayudarle directamente con \
                cualquier consulta sobre la entrega. El número de seguimiento de su paquete es {{TrackingNumber}}.

                Puede consultar el estado de la entrega en «Mis pedidos» de su cuenta de Amazon; desde allí también \
                puede dirigirse directamente al servicio de atención al cliente de Amazon.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> returnRequest() {
        return bodies("""
                Hello {{CustomerName}},

                Thank you for your message about order {{OrderID}}. We are sorry that "{{ProductName}}" did not \
                meet your expectations.

                You can start the return directly in your Amazon account: go to "Your Orders", select this order \
                and choose "Return or replace items". Amazon will then show you the return label and the next steps.

                As soon as the item is back with us, we will process your refund promptly. If you have any \
                questions about the return, simply reply to this message.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                vielen Dank für Ihre Nachricht zur Bestellung {{OrderID}}. Es tut uns leid, dass der Artikel \
                „{{ProductName}}“ nicht Ihren Erwartungen entspricht.

                Sie können die Rücksendung direkt in Ihrem Amazon-Konto starten: Wählen Sie unter „Meine \
                Bestellungen“ diese Bestellung aus und klicken Sie auf „Artikel zurücksenden oder ersetzen“. Amazon \
                zeigt Ihnen anschließend das Rücksendeetikett und die weiteren Schritte an.

                Sobald der Artikel wieder bei uns eingetroffen ist, veranlassen wir umgehend Ihre Erstattung. Bei \
                Fragen zur Rücksendung antworten Sie einfach auf diese Nachricht.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Merci pour votre message concernant la commande {{OrderID}}. Nous sommes désolés que l'article \
                « {{ProductName}} » ne réponde pas à vos attentes.

                Vous pouvez lancer le retour directement depuis votre compte Amazon : dans « Vos commandes », \
                sélectionnez cette commande puis choisissez « Retourner ou remplacer des articles ». Amazon vous \
                indiquera ensuite l'étiquette de retour et les étapes suivantes.

                Dès réception de l'article, nous procéderons rapidement à votre remboursement. Pour toute question \
                concernant le retour, il vous suffit de répondre à ce message.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                La ringraziamo per il Suo messaggio relativo all'ordine {{OrderID}}. Ci dispiace che l'articolo \
                «{{ProductName}}» non abbia soddisfatto le Sue aspettative.

                Può avviare il reso direttamente dal Suo account Amazon: nella sezione "I miei ordini" selezioni \
                questo ordine e scelga "Restituisci o sostituisci articoli". Amazon Le mostrerà quindi l'etichetta \
                di reso e i passaggi successivi.

                Non appena l'articolo ci sarà stato restituito, procederemo tempestivamente al rimborso. Per \
                qualsiasi domanda sul reso, Le basta rispondere a questo messaggio.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Gracias por su mensaje sobre el pedido {{OrderID}}. Lamentamos que el artículo «{{ProductName}}» no \
                haya cumplido sus expectativas.

                Puede iniciar la devolución directamente en su cuenta de Amazon: en «Mis pedidos», seleccione este \
                pedido y elija «Devolver o reemplazar productos». A continuación, Amazon le mostrará la etiqueta de \
                devolución y los siguientes pasos.

                En cuanto recibamos el artículo, tramitaremos su reembolso lo antes posible. Si tiene cualquier \
                duda sobre la devolución, basta con que responda a este mensaje.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> damagedItem() {
        return bodies("""
                Hello {{CustomerName}},

                We are very sorry that "{{ProductName}}" from order {{OrderID}} arrived damaged.

                To help us sort this out quickly, could you please reply to this message with a photo of the \
                damaged item and one of the packaging? As soon as we have them, we will arrange a replacement or a \
                full refund, whichever you prefer.

                We apologise for the inconvenience.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                es tut uns sehr leid, dass der Artikel „{{ProductName}}“ aus Ihrer Bestellung {{OrderID}} \
                beschädigt bei Ihnen angekommen ist.

                Damit wir das schnell für Sie klären können, senden Sie uns bitte als Antwort auf diese Nachricht \
                ein Foto des beschädigten Artikels und eines der Verpackung. Sobald uns die Fotos vorliegen, \
                veranlassen wir nach Ihrer Wahl einen Ersatz oder eine vollständige Erstattung.

                Vielen Dank für Ihre Geduld – bitte entschuldigen Sie die Unannehmlichkeiten.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Nous sommes vraiment désolés que l'article « {{ProductName}} » de votre commande {{OrderID}} soit \
                arrivé endommagé.

                Afin de régler cela rapidement, pourriez-vous répondre à ce message en joignant une photo de \
                l'article endommagé ainsi qu'une photo de l'emballage ? Dès réception, nous organiserons, selon \
                votre préférence, un remplacement ou un remboursement intégral.

                Merci de votre patience, et veuillez nous excuser pour ce désagrément.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                Siamo davvero spiacenti che l'articolo «{{ProductName}}» del Suo ordine {{OrderID}} sia arrivato \
                danneggiato.

                Per risolvere rapidamente il problema, potrebbe rispondere a questo messaggio allegando una foto \
                dell'articolo danneggiato e una dell'imballaggio? Appena le riceveremo, provvederemo, a Sua scelta, \
                alla sostituzione o al rimborso completo.

                La ringraziamo per la pazienza e ci scusiamo per l'inconveniente.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Lamentamos mucho que el artículo «{{ProductName}}» de su pedido {{OrderID}} haya llegado dañado.

                Para poder solucionarlo cuanto antes, ¿podría responder a este mensaje adjuntando una foto del \
                artículo dañado y otra del embalaje? En cuanto las recibamos, le enviaremos un artículo de \
                sustitución o le haremos un reembolso completo, según prefiera.

                Gracias por su paciencia y disculpe las molestias.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> cancellationConfirmation() {
        return bodies("""
                Hello {{CustomerName}},

                As requested, we have cancelled order {{OrderID}} ("{{ProductName}}").

                You will not be charged for this order. If an amount was already reserved on your payment method, \
                Amazon will release it automatically; depending on your bank, this can take a few days.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                wie gewünscht haben wir Ihre Bestellung {{OrderID}} („{{ProductName}}“) storniert.

                Ihnen wird für diese Bestellung nichts berechnet. Falls auf Ihrem Zahlungsmittel bereits ein Betrag \
                reserviert wurde, gibt Amazon ihn automatisch wieder frei; je nach Bank kann das einige Tage dauern.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Comme vous l'avez demandé, nous avons annulé la commande {{OrderID}} (« {{ProductName}} »).

                Cette commande ne vous sera pas facturée. Si un montant a déjà été réservé sur votre moyen de \
                paiement, Amazon le libérera automatiquement ; selon votre banque, cela peut prendre quelques jours.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                Come richiesto, abbiamo annullato l'ordine {{OrderID}} («{{ProductName}}»).

                Non Le verrà addebitato alcun importo per questo ordine. Se sul Suo metodo di pagamento fosse già \
                stato riservato un importo, Amazon lo sbloccherà automaticamente; a seconda della banca, potrebbero \
                essere necessari alcuni giorni.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Tal como nos solicitó, hemos cancelado el pedido {{OrderID}} («{{ProductName}}»).

                No se le cobrará nada por este pedido. Si ya se hubiera retenido algún importe en su método de \
                pago, Amazon lo liberará automáticamente; según su banco, esto puede tardar unos días.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> refundConfirmation() {
        return bodies("""
                Hello {{CustomerName}},

                We have issued a refund of {{RefundAmount}} for order {{OrderID}}.

                The amount will be credited to the payment method you used for the purchase. Depending on your bank \
                or card provider, it can take a few business days to appear on your statement.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                wir haben für Ihre Bestellung {{OrderID}} eine Erstattung über {{RefundAmount}} veranlasst.

                Der Betrag wird dem Zahlungsmittel gutgeschrieben, mit dem Sie bezahlt haben. Je nach Bank oder \
                Kartenanbieter kann es einige Werktage dauern, bis er auf Ihrem Konto erscheint.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Nous avons effectué un remboursement de {{RefundAmount}} pour la commande {{OrderID}}.

                Le montant sera recrédité sur le moyen de paiement utilisé lors de l'achat. Selon votre banque ou \
                l'émetteur de votre carte, son apparition sur votre relevé peut prendre quelques jours ouvrés.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                Abbiamo emesso un rimborso di {{RefundAmount}} per l'ordine {{OrderID}}.

                L'importo verrà riaccreditato sul metodo di pagamento utilizzato per l'acquisto. A seconda della \
                banca o dell'emittente della carta, potrebbero essere necessari alcuni giorni lavorativi prima che \
                compaia sul Suo estratto conto.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Hemos emitido un reembolso de {{RefundAmount}} para el pedido {{OrderID}}.

                El importe se abonará en el método de pago que utilizó para la compra. Según su banco o el emisor \
                de su tarjeta, puede tardar algunos días hábiles en aparecer en su extracto.

                Un cordial saludo,
                {{SellerName}}""");
    }

    private static Map<MacroLanguage, String> positiveFeedbackThanks() {
        return bodies("""
                Hello {{CustomerName}},

                Thank you very much for your kind message about order {{OrderID}}. We are delighted that \
                "{{ProductName}}" arrived safely and that you are happy with it.

                If you ever have a question about your order, simply reply to this message.

                Kind regards,
                {{SellerName}}""", """
                Guten Tag {{CustomerName}},

                vielen Dank für Ihre freundliche Nachricht zur Bestellung {{OrderID}}. Es freut uns sehr, dass der \
                Artikel „{{ProductName}}“ gut bei Ihnen angekommen ist und Ihnen gefällt.

                Wenn Sie einmal Fragen zu Ihrer Bestellung haben, antworten Sie einfach auf diese Nachricht.

                Mit freundlichen Grüßen
                {{SellerName}}""", """
                Bonjour {{CustomerName}},

                Merci beaucoup pour votre aimable message concernant la commande {{OrderID}}. Nous sommes ravis que \
                l'article « {{ProductName}} » soit bien arrivé et qu'il vous donne satisfaction.

                Si vous avez une question concernant votre commande, il vous suffit de répondre à ce message.

                Cordialement,
                {{SellerName}}""", """
                Gentile {{CustomerName}},

                Grazie di cuore per il Suo gentile messaggio relativo all'ordine {{OrderID}}. Siamo lieti che \
                l'articolo «{{ProductName}}» sia arrivato in buone condizioni e che sia di Suo gradimento.

                Per qualsiasi domanda sul Suo ordine, Le basta rispondere a questo messaggio.

                Cordiali saluti,
                {{SellerName}}""", """
                Hola, {{CustomerName}}:

                Muchas gracias por su amable mensaje sobre el pedido {{OrderID}}. Nos alegra mucho que el artículo \
                «{{ProductName}}» haya llegado en perfecto estado y que sea de su agrado.

                Si en algún momento tiene alguna pregunta sobre su pedido, basta con que responda a este mensaje.

                Un cordial saludo,
                {{SellerName}}""");
    }
}
