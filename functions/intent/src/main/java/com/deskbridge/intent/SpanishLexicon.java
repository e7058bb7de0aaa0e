package com.deskbridge.intent;

import static com.deskbridge.intent.Intent.CANCELLATION_REQUEST;
import static com.deskbridge.intent.Intent.DAMAGED_ITEM;
import static com.deskbridge.intent.Intent.DELIVERY_PROBLEM;
import static com.deskbridge.intent.Intent.POSITIVE_FEEDBACK;
import static com.deskbridge.intent.Intent.PRODUCT_QUESTION;
import static com.deskbridge.intent.Intent.REFUND_REQUEST;
import static com.deskbridge.intent.Intent.RETURN;
import static com.deskbridge.intent.Intent.WHERE_IS_MY_ORDER;

/** Spanish cues ("devolución del dinero" is a refund, "devolución" alone a return: the longer phrase wins). */
final class SpanishLexicon {
    private SpanishLexicon() {
    }

    static void define(LexiconBuilder b) {
        b.language(Language.ES)
                .negators("no nunca jamás sin ningún ninguna ninguno tampoco ni nada")
                .clauseBreaks("pero sino aunque");
        deliveries(b);
        refundsAndCancellations(b);
        returnsAndDamage(b);
        questionsAndPraise(b);
    }

    /** Where is my order, delivery problems. */
    private static void deliveries(LexiconBuilder b) {
        b.always(WHERE_IS_MY_ORDER, 4, "dónde está mi pedido", "dónde está mi paquete", "dónde está _ pedido",
                        "dónde está _ paquete", "dónde _ pedido", "cuándo llega*", "cuándo _ llegar*",
                        "cuándo _ llega*", "cuándo _ recib*", "cuándo _ envi*", "cuándo _ entreg*",
                        "estado de mi pedido", "estado del pedido", "estado del envío", "sigo esperando",
                        "todavía nada", "aún nada", "sin noticias", "ha sido enviado", "ya fue enviado",
                        "lo han enviado", "ya se envió", "seguimiento de mi pedido")
                .always(WHERE_IS_MY_ORDER, 3, "esperando", "dónde está", "no se mueve", "no avanza")
                .always(WHERE_IS_MY_ORDER, 2, "fecha de entrega", "plazo de entrega")
                .always(WHERE_IS_MY_ORDER, 1.5, "número de seguimiento", "seguimiento", "tracking")
                .whenNegated(WHERE_IS_MY_ORDER, 3, "recib*", "llegad*", "llegó", "llega", "llegado", "entregad*",
                        "enviad*", "envió");
        b.always(DELIVERY_PROBLEM, 4.5, "figura como entregado", "aparece como entregado",
                        "marcado como entregado", "pone entregado", "dice entregado", "pone que está entregado",
                        "pone que se entregó", "dice que se entregó", "consta como entregado",
                        "dirección equivocada", "dirección incorrecta", "devuelto al remitente",
                        "retenido en aduana", "en la aduana", "artículo equivocado", "producto equivocado",
                        "producto incorrecto", "artículo incorrecto", "caja vacía", "paquete vacío",
                        "entregado a un vecino", "entrega cancelada")
                .always(DELIVERY_PROBLEM, 4, "debería haber llegado", "tenía que llegar", "tendría que haber llegado",
                        "debía llegar", "llega tarde", "llegó tarde", "con retraso", "falta", "faltan",
                        "intento de entrega", "vecino*", "fecha prevista")
                .unlessNegated(DELIVERY_PROBLEM, 4, "retras*", "perdid*", "extraviad*", "robad*")
                .always(DELIVERY_PROBLEM, 2.5, "aduana*", "repartidor", "mensajero", "transportista",
                        "equivocad*");
    }

    /** Refunds, cancellations. */
    private static void refundsAndCancellations(LexiconBuilder b) {
        b.always(REFUND_REQUEST, 4.5, "reembols*", "devolución del dinero", "devolución de mi dinero",
                        "devolver el dinero", "devolverme el dinero", "devuelvan el dinero", "devuelvan mi dinero",
                        "mi dinero", "dinero de vuelta", "recuperar _ dinero", "reintegro")
                .always(REFUND_REQUEST, 3, "dinero", "cobrado dos veces", "abono");
        b.unlessNegated(CANCELLATION_REQUEST, 5, "cancelar mi pedido", "cancelar el pedido", "cancelar",
                        "anular el pedido", "anular mi pedido", "anular", "cancelen", "anulen")
                .always(CANCELLATION_REQUEST, 4, "cancelación", "cancel*", "anulación")
                .always(CANCELLATION_REQUEST, 2, "pedí por error", "pedido por error", "pedido duplicado",
                        "ya no lo necesito")
                .always(PRODUCT_QUESTION, 1.5, "cancelación de ruido", "noise cancel*")
                .neutral("cancelar mi suscripción", "entrega cancelada", "cambio de dirección", "cambiar la dirección",
                        "cambiar mi dirección");
    }

    /** Returns, damaged items. */
    private static void returnsAndDamage(LexiconBuilder b) {
        b.always(RETURN, 4.5, "etiqueta de devolución", "cómo devolver", "cómo hago la devolución",
                        "hacer la devolución", "hacer una devolución", "solicitar la devolución",
                        "política de devoluciones", "desistimiento", "cambio de talla", "cambiar la talla",
                        "cambiarlo por", "cambiarla por")
                .unlessNegated(RETURN, 4, "devolv*", "devolver")
                .always(RETURN, 3.5, "devolución", "devoluciones")
                .always(RETURN, 2.5, "cambio")
                .always(RETURN, 1.5, "devolví", "devuelto", "lo devolví")
                .always(RETURN, 2.5, "me queda pequeño", "me queda grande", "me queda pequeña", "me queda grande",
                        "no me queda", "no me vale", "muy pequeño", "muy grande", "no es como se describe");
        b.unlessNegated(DAMAGED_ITEM, 4, "dañad*", "roto", "rota", "rotos", "rotas", "defectuos*", "rotura",
                        "averiad*", "estropead*", "rayad*", "abollad*", "agrietad*", "rajad*", "en mal estado",
                        "hecho pedazos", "destrozad*")
                .always(DAMAGED_ITEM, 4, "dejó de funcionar", "ha dejado de funcionar", "no enciende",
                        "no se enciende", "no carga", "no funciona bien")
                .unlessNegated(DAMAGED_ITEM, 3.5, "defecto", "golpead*", "aplastad*", "rasgad*", "manchad*",
                        "pierde", "doblad*", "arañazo*", "desperfecto*")
                .whenNegated(DAMAGED_ITEM, 3.5, "funciona", "enciende", "carga")
                .always(DAMAGED_ITEM, 2.5, "reemplaz*", "sustitu*", "uno nuevo", "otro nuevo");
    }

    /** Product questions, positive feedback. */
    private static void questionsAndPraise(LexiconBuilder b) {
        b.always(PRODUCT_QUESTION, 4, "es compatible", "compatible con", "qué talla", "guía de tallas",
                        "de qué material", "qué material", "cómo se usa", "cómo funciona", "funciona _ con",
                        "sirve para", "antes de comprar", "antes de pedir", "una pregunta", "quisiera saber",
                        "es impermeable", "diferencia entre", "vuelve a estar disponible", "en stock")
                .always(PRODUCT_QUESTION, 3, "compatib*", "medidas", "dimensiones", "material", "instrucciones",
                        "manual", "garantía", "impermeable", "disponib*", "pregunta", "talla",
                        "duración de la batería", "cuánto dura")
                .always(PRODUCT_QUESTION, 1.5, "se puede", "es posible");
        b.always(POSITIVE_FEEDBACK, 4, "envío rápido", "entrega rápida", "llegó rápido", "llegó antes",
                        "llegó muy rápido", "ha llegado antes", "muy satisfech*", "lo recomiendo", "la recomiendo",
                        "bien embalado", "bien empaquetado", "como se describe", "tal como se describe",
                        "funciona perfectamente", "funciona genial", "me encanta", "muchísimas gracias",
                        "muchas gracias por todo", "estrellas", "buen producto", "gran producto")
                .unlessNegated(POSITIVE_FEEDBACK, 3, "satisfech*", "perfect*", "excelente", "genial", "recomend*",
                        "recomiendo", "encanta", "estupend*", "fantástic*", "maravill*", "content*", "feliz",
                        "encantad*")
                .always(POSITIVE_FEEDBACK, 2.5, "todo bien", "todo ok", "gracias por su ayuda", "gracias por la ayuda")
                .always(POSITIVE_FEEDBACK, 1.5, "muy bien", "rápido", "bien")
                .always(POSITIVE_FEEDBACK, 1, "gracias", "muchas gracias");
        b.neutral("buenas tardes", "buenos días", "buenas noches", "ningún problema", "sin problema",
                "un saludo", "saludos cordiales");
    }
}
