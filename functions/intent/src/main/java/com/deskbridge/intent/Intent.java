package com.deskbridge.intent;

/**
 * What a buyer message is about. The labels the classifier, the tags and the evaluation corpus share:
 * <ul>
 *   <li>{@link #WHERE_IS_MY_ORDER}: the order has not arrived (yet) and the buyer asks where it is, when it comes
 *       or for tracking, without naming a specific failure.</li>
 *   <li>{@link #DELIVERY_PROBLEM}: something specific went wrong in delivery: marked delivered but not there,
 *       wrong address or neighbour, lost or stolen, returned to sender, stuck in customs, late against the
 *       promised date, wrong or missing item, empty parcel.</li>
 *   <li>{@link #REFUND_REQUEST}: asks for money back, a partial refund, or where a refund is.</li>
 *   <li>{@link #CANCELLATION_REQUEST}: asks to cancel an order (or asks about its cancellation).</li>
 *   <li>{@link #RETURN}: wants to send an item back or exchange it, asks for a label or the return policy.</li>
 *   <li>{@link #DAMAGED_ITEM}: the item arrived broken, damaged, defective or does not work; asks for a
 *       replacement.</li>
 *   <li>{@link #PRODUCT_QUESTION}: a question about the product itself: compatibility, size, material, use,
 *       stock, warranty.</li>
 *   <li>{@link #POSITIVE_FEEDBACK}: praise or thanks with no request and no complaint.</li>
 *   <li>{@link #OTHER}: anything else (invoices, address changes, unrelated text).</li>
 * </ul>
 */
public enum Intent {
    WHERE_IS_MY_ORDER,
    DELIVERY_PROBLEM,
    REFUND_REQUEST,
    CANCELLATION_REQUEST,
    RETURN,
    DAMAGED_ITEM,
    PRODUCT_QUESTION,
    POSITIVE_FEEDBACK,
    OTHER
}
