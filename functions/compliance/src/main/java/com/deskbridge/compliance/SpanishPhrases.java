package com.deskbridge.compliance;

import static com.deskbridge.compliance.RuleId.MARKETING;
import static com.deskbridge.compliance.RuleId.OFF_AMAZON_CONTACT;
import static com.deskbridge.compliance.RuleId.REVIEW_REQUEST;

/** Spanish cues (folded: "ñ" → "n", "ó" → "o"). */
final class SpanishPhrases {
    private static final String REVIEW = "(?:resena|valoracion|opinion|comentario|calificacion|feedback)";
    private static final String POSITIVE_REVIEW = "(?:" + REVIEW + " (?:positiv[ao]|de (?:5|cinco) estrellas"
            + "|favorable|excelente)|(?:5|cinco) estrellas)";

    private SpanishPhrases() {
    }

    static void define(PhraseLexicon x) {
        x.block(OFF_AMAZON_CONTACT,
                "llamenos", "llamanos", "llamarnos", "contactenos (?:directamente )?por (?:telefono|correo|whatsapp"
                        + "|e-?mail)",
                "contactanos (?:directamente )?por (?:telefono|correo|whatsapp|e-?mail)",
                "(?:escribanos|escribenos) (?:un |al )?(?:correo|e-?mail|whatsapp)",
                "nuestr[oa] (?:pagina web|sitio web|web|tienda online|tienda en linea|numero de telefono|telefono"
                        + "|correo(?: electronico)?)",
                "(?:visite|visita|visiten) nuestr[oa]", "siguenos", "fuera de amazon");
        x.warn(OFF_AMAZON_CONTACT, "contactenos directamente", "contactanos directamente");
        x.block(MARKETING,
                "descuento del \\d{1,2}", "codigo (?:de descuento|promocional|promo)", "cupon(?:es)?(?: de descuento)?",
                "vales? (?:de )?descuento", "rebajas", "ofertas? (?:especial|especiales|exclusivas?|limitadas?|flash)",
                "promocion(?:es)?",
                "(?:descubra|descubre|eche un vistazo a|echa un vistazo a|visite|consulte) (?:nuestros otros"
                        + "|nuestra nueva|nuestros nuevos|nuestra coleccion|nuestro catalogo|nuestras novedades"
                        + "|nuestros productos)",
                "nueva coleccion", "tambien (?:le|te) (?:puede|podria|podrian|pueden) (?:gustar|interesar)",
                "descuento (?:en|para) su proxim[oa]", "su proxim[oa] (?:pedido|compra) con nosotros");
        x.block(REVIEW_REQUEST,
                "(?:deje|dejar|dejen|dejanos|dejenos|escriba|escribir|denos|danos|darnos|ponga|poner|publique"
                        + "|recibir|obtener|califique|calificar|valore|valorar)~5" + POSITIVE_REVIEW,
                POSITIVE_REVIEW + "~4(?:nos ayudaria|seria|ayudaria)",
                "(?:eliminar|elimine|retirar|retire|modificar|modifique|cambiar|cambie|quitar|quite|borrar|borre"
                        + "|reconsiderar)~3" + REVIEW,
                "a cambio de (?:una |un |su )?" + REVIEW);
        x.warn(REVIEW_REQUEST,
                "(?:deje|dejar|dejenos|dejanos|escriba|escribir)~2(?:una|un|su) (?:resena|valoracion|opinion"
                        + "|comentario|calificacion)");
    }
}
