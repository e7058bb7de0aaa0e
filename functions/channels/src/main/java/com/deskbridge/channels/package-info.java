/**
 * What the help desk needs from a sales channel other than Amazon (GitHub issue 15), as ports the channel
 * adapters implement ({@code functions/ebay}, {@code functions/shopify}) and the functions call: buyer messages in
 * ({@link com.deskbridge.channels.MessageInbox}, as the domain's {@code InboundMessage}), replies out
 * ({@link com.deskbridge.channels.ReplyChannel}), the live order for refund and cancellation rules and the
 * actions themselves ({@link com.deskbridge.channels.OrderActionGateway}). Order context uses the logistics
 * module's {@code OrderSource}, so FBM carrier tracking and the proactive flags apply unchanged. Pure Java: no
 * AWS, HTTP or JSON imports.
 */
package com.deskbridge.channels;
