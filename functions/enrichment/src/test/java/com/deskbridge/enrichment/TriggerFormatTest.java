package com.deskbridge.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.adapters.sqs.SqsEnrichmentTrigger;
import com.deskbridge.domain.port.EnrichmentTrigger;
import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.domain.ticket.TicketId;
import org.junit.jupiter.api.Test;

/** What intake and the API put on the enrichment queue is what this function reads. */
class TriggerFormatTest {

    @Test
    void theTriggersBodyIsAnEnrichmentRequest() {
        SellerId seller = new SellerId("demo-seller");
        TicketId ticket = TicketId.forConversation(seller, Channel.AMAZON, "thread");
        EnrichmentRequest request = EnrichmentRequest.parse(SqsEnrichmentTrigger.body(seller, ticket, "028-4711001-0000001",
                "A1PA6795UKMFR9", EnrichmentTrigger.Reason.AGENT_REFRESH));
        assertThat(request.sellerId()).isEqualTo("demo-seller");
        assertThat(request.ticketId()).isEqualTo(ticket.value());
        assertThat(request.orderId()).isEqualTo("028-4711001-0000001");
        assertThat(request.marketplaceId()).isEqualTo("A1PA6795UKMFR9");
        assertThat(request.reason()).isEqualTo(EnrichmentRequest.Reason.AGENT_REFRESH);
    }

    @Test
    void aLinkOrderRequestCarriesNoOrderIdAndOnlyItMayLackOne() {
        SellerId seller = new SellerId("demo-seller");
        TicketId ticket = TicketId.forConversation(seller, Channel.EMAIL, "thread");
        EnrichmentRequest request = EnrichmentRequest.parse(SqsEnrichmentTrigger.body(seller, ticket, null, null,
                EnrichmentTrigger.Reason.LINK_ORDER));
        assertThat(request.orderId()).isNull();
        assertThat(request.reason()).isEqualTo(EnrichmentRequest.Reason.LINK_ORDER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EnrichmentRequest.parse(SqsEnrichmentTrigger.body(seller,
                ticket, null, null, EnrichmentTrigger.Reason.ORDER_KNOWN))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orderId");
    }
}
