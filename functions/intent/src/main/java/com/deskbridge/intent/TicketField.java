package com.deskbridge.intent;

/** The parts of a buyer message a seller tag rule can look at. */
public enum TicketField {
    SUBJECT, BODY
}
