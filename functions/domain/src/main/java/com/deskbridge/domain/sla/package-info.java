/**
 * Response-time SLA: the clocks that decide when a waiting ticket is at risk, breached and urgent, and the
 * response metrics. Pure functions of their inputs: every instant is passed in explicitly, nothing reads the
 * system clock.
 *
 * <h2>The marketplace clock</h2>
 * Amazon expects a reply within 24 hours of wall-clock time, weekends and holidays included, measured from the
 * oldest buyer message that has not been answered. The clock is owned by the caller, who decides what a ticket's
 * {@link com.deskbridge.domain.sla.WaitingTicket#oldestUnansweredAt() oldest unanswered message} is:
 * <ul>
 *   <li>an agent reply stops the clock (the ticket is no longer waiting: stage {@link com.deskbridge.domain.sla.Stage#NONE});</li>
 *   <li>a new buyer message after a reply starts it again, from that message;</li>
 *   <li>marking a message "no response needed" stops it, and a later buyer message restarts it;</li>
 *   <li>automatic acknowledgements (auto-replies, out-of-office notices, the weekend acknowledgement) do
 *       <b>not</b> stop it: Amazon does not count them as responses, so callers must not clear the oldest
 *       unanswered message when one is sent.</li>
 * </ul>
 * Other channels have a "marketplace deadline" of their own ({@link com.deskbridge.domain.sla.ChannelDeadlines}).
 *
 * <h2>The seller target</h2>
 * A stricter, seller-configured target in business time ({@link com.deskbridge.domain.sla.SellerSlaPolicy}), never
 * later than the marketplace deadline. {@link com.deskbridge.domain.sla.SlaCalculator} turns a
 * {@link com.deskbridge.domain.sla.WaitingTicket} into an {@link com.deskbridge.domain.sla.SlaTimeline} holding
 * every milestone; the scheduler indexes tickets by {@link com.deskbridge.domain.sla.SlaTimeline#nextMilestoneAfter}.
 */
package com.deskbridge.domain.sla;
