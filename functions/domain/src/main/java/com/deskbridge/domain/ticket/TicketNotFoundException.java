package com.deskbridge.domain.ticket;

/** No ticket with that id for that seller (another seller's ticket is, by design, indistinguishable). */
public class TicketNotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final TicketId ticketId;

    public TicketNotFoundException(TicketId ticketId) {
        super("ticket " + ticketId + " not found");
        this.ticketId = ticketId;
    }

    public TicketId ticketId() {
        return ticketId;
    }
}
