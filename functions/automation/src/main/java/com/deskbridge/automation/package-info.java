/**
 * Automatic replies (issue 3, product.md §4): a small rule engine that decides, right after a buyer message is
 * stored, whether the ticket gets an automatic reply and renders it.
 *
 * <h2>Flow</h2>
 * Intake builds {@link com.deskbridge.automation.TicketFacts} for the stored message, calls
 * {@link com.deskbridge.automation.AutoReplyEngine#decide} with the seller's
 * {@link com.deskbridge.automation.SellerAutomationSettings}, and on a
 * {@link com.deskbridge.automation.AutoReplyDecision.Reply} records it with
 * {@code TicketCommands.automaticReply(seller, ticket, reply.text(), reply.ruleKey())}. Automatic replies do
 * <b>not</b> stop Amazon's 24-hour clock (Contact Response Time, https://sellercentral.amazon.com/gp/help/external/200549770;
 * sellers report that auto-acknowledgements do not count); the ticket keeps waiting for an agent.
 *
 * <h2>Guarantees</h2>
 * <ul>
 *   <li>every text passes the Buyer–Seller Messaging check (https://sellercentral.amazon.com/help/hub/reference/external/G200383320) without a single finding, or the
 *       decision is {@link com.deskbridge.automation.AutoReplyDecision.Blocked} with the findings: nobody reviews an
 *       automatic reply, so even a warning stops it;</li>
 *   <li>a macro value that is not known is reported by name ({@link com.deskbridge.automation.AutoReplyDecision.NoReply}),
 *       never sent as a gap;</li>
 *   <li>at most one automatic reply per waiting period (no reply storms), and the record key is derived from the
 *       waiting period so a redelivered message cannot record a second one.</li>
 * </ul>
 * Pure Java: no AWS, no I/O; time comes from the {@link java.time.Clock} passed in.
 */
package com.deskbridge.automation;
