package com.deskbridge.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.Chromium;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The console's screens for the API routes being added (queue filters and due times, order and tracking panel,
 * macros, compliance preview, replies, refunds with their confirmation and state, evidence), driven in headless
 * Chromium against {@link ContractApi}, a local server speaking those routes' documented contract. When the real
 * ApiFunction serves them, {@link AgentConsoleE2ETest}'s disabled tests take over against the whole local system.
 */
class ConsoleContractE2ETest extends ConsoleSession {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final URI HELPDESK_ORIGIN = URI.create("http://localhost:5173");

    private static ContractApi api;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = chromium();
        api = ContractApi.start(HELPDESK_ORIGIN.toString(), Clock.systemUTC());
        openConsole(chromium, URI.create(api.baseUrl()), HELPDESK_ORIGIN, WAIT, Path.of("target", "screenshots", "contract"));
    }

    @AfterAll
    static void stop() {
        closeConsole();
        if (api != null) {
            api.close();
        }
    }

    @BeforeEach
    void signIn() throws Exception {
        browser.signIn("agent-anna", "demo-seller");
    }

    private static boolean js(String expression) {
        return page.evaluate("!!(" + expression + ")").asBoolean();
    }

    @Test
    @DisplayName("queue: SLA order across pages, 'load more' follows nextCursor, due source shown, filters go to the API")
    void queueOrderLoadMoreAndFilters() throws Exception {
        page.waitFor("the first page", "document.querySelectorAll('#queue-rows tr').length === 2");
        assertThat(js("!document.getElementById('queue-more').hidden")).as("load more offered").isTrue();
        page.click("#queue-more");
        page.waitFor("the second page", "document.querySelectorAll('#queue-rows tr').length === 3");
        assertThat(page.evaluate("[...document.querySelectorAll('#queue-rows tr')].map(r => r.dataset.ticketId).join()").asText())
                .isEqualTo("t-contract-b,t-contract-a,t-contract-c");
        assertThat(js("document.getElementById('queue-more').hidden")).isTrue();
        assertThat(page.text("#queue-rows tr[data-ticket-id='t-contract-b'] .countdown")).startsWith("overdue 1");
        assertThat(page.text("#queue-rows tr[data-ticket-id='t-contract-a'] .due-source")).isEqualTo("SLA target");
        assertThat(page.text("#queue-rows tr[data-ticket-id='t-contract-c'] .due-source")).isEqualTo("Amazon 24 h");
        assertThat(page.text("#queue-rows tr[data-ticket-id='t-contract-c'] .countdown")).startsWith("21h 5");
        assertThat(api.requests).anyMatch(r -> r.startsWith("GET /tickets?") && r.contains("cursor=2"));
        String failed = "#queue-rows tr[data-ticket-id='t-contract-b']";
        assertThat(page.text(failed + " .preview-line")).isEqualTo("The mug is green, not blue.");
        assertThat(page.text(failed + " .channel")).isEqualTo("Amazon.de");
        assertThat(page.text(failed + " .send-failure")).isEqualTo("Reply not sent the relay refused the reply: attachment type not allowed");
        assertThat(js("document.querySelector(\"" + failed + "\").classList.contains('send-failed')")).isTrue();
        assertThat(page.text("#queue-rows tr[data-ticket-id='t-contract-a'] .channel")).as("no name: the channel").isEqualTo("Amazon");
        page.screenshot("queue");

        page.evaluate("document.getElementById('f-priority').value = 'URGENT', true");
        page.evaluate("document.getElementById('f-intent').value = 'RETURN', true");
        page.click("#queue-filters button[type=submit]");
        page.waitFor("the filtered queue", "document.querySelectorAll('#queue-rows tr').length === 1");
        assertThat(api.requests).anyMatch(r -> r.startsWith("GET /tickets?") && r.contains("priority=URGENT")
                && r.contains("intent=RETURN") && r.contains("status=open"));
        assertThat(page.text("#queue-status")).isEqualTo("1 ticket");
    }

    @Test
    @DisplayName("ticket: order, tracking with flags and link, enrichment state; assign, tag and refresh tracking")
    void ticketPanelsAndCommands() throws Exception {
        page.waitFor("the queue", "document.querySelectorAll('#queue-rows tr').length > 0");
        browser.openTicket("t-contract-a");
        assertThat(page.text("#order-panel")).contains("028-1111111-2222222").contains("FBM").contains("Espresso cups (set of 4)")
                .contains("EUR 24.90");
        assertThat(page.evaluate("document.querySelector('#tracking-panel a').href").asText()).startsWith("https://www.dhl.de/");
        assertThat(js("document.querySelector('#tracking-panel a').rel === 'noopener noreferrer'")).isTrue();
        assertThat(page.text("#tracking-panel .badge.flag-delayed")).isEqualTo("Delayed");
        assertThat(page.text("#enrichment-state")).isEqualTo("Retrying: carrier unavailable, retrying");
        assertThat(page.text("#tracking-panel")).contains("Leipzig hub");
        page.screenshot("ticket");

        page.click("#btn-assign");
        page.waitFor("the assignee", "document.getElementById('ticket-assignee').textContent === 'agent-anna'");
        assertThat(js("document.getElementById('btn-assign').disabled")).as("already assigned to me").isTrue();
        page.type("#tag-input", "vip");
        page.click("#tag-add");
        page.waitFor("the new tag", "document.querySelector('#tag-list [data-tag=\"vip\"]') !== null");
        assertThat(api.requests).contains("POST /tickets/t-contract-a/tags");
        page.click("#tag-list [data-tag='vip'] button");
        page.waitFor("the tag removed", "document.querySelector('#tag-list [data-tag=\"vip\"]') === null");
        page.click("#btn-refresh-tracking");
        page.waitFor("the refreshed enrichment", "document.getElementById('enrichment-state').textContent.includes('asked the carrier again')");
    }

    @Test
    @DisplayName("reply: macro inserted, missing macro data named, findings highlighted live, 422 shown, compliant reply sent")
    void macrosComplianceAndSending() throws Exception {
        page.waitFor("the queue", "document.querySelectorAll('#queue-rows tr').length > 0");
        browser.openTicket("t-contract-a");
        page.waitFor("the macros", "document.querySelectorAll('#macro-select option').length === 3");
        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.value = 'shipping-update';"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        assertThat(page.evaluate("[...document.querySelectorAll('#macro-language option')].map(o => o.value).join()").asText())
                .isEqualTo("en,de");
        page.click("#macro-insert");
        page.waitFor("the rendered macro", "document.getElementById('reply-text').value.startsWith('Hello Jane Doe')");
        page.waitFor("the clean compliance check", "document.getElementById('compliance-status').dataset.state === 'clean'");
        assertThat(page.text("#reply-preview")).isEqualTo("Hello Jane Doe, your order 028-1111111-2222222 is on its way with DHL.");

        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.value = 'refund-confirmation';"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        page.click("#macro-insert");
        page.waitFor("the missing-data problem", "!document.getElementById('macro-problem').hidden");
        assertThat(page.text("#macro-problem")).contains("Missing: RefundAmount");
        page.evaluate("(() => { const s = document.getElementById('macro-select'); s.value = 'shipping-update';"
                + " s.dispatchEvent(new Event('change')); return true; })()");
        assertThat(js("document.getElementById('macro-problem').hidden")).as("another macro: the last one's problem is gone").isTrue();

        String bad = "Write to jane@example.com and leave 5 stars please.";
        page.type("#reply-text", bad);
        page.waitFor("two highlighted findings", "document.querySelectorAll('#reply-preview mark').length === 2");
        assertThat(page.evaluate("[...document.querySelectorAll('#reply-preview mark')].map(m => m.textContent + '=' + m.dataset.ruleId).join('|')").asText())
                .isEqualTo("jane@example.com=personal-contact-email|5 stars=review-request");
        assertThat(page.text("#reply-preview")).isEqualTo(bad);
        assertThat(page.evaluate("document.querySelectorAll('#findings li').length").asInt()).isEqualTo(2);
        assertThat(page.text("#findings li[data-rule-id='review-request'] .suggestion")).isEqualTo("Thank the buyer without mentioning reviews.");
        page.screenshot("reply-findings");

        page.click("#reply-send");
        page.waitFor("the refused reply", "!document.getElementById('reply-problem').hidden");
        assertThat(page.text("#reply-problem .problem-title")).isEqualTo("The reply breaks Amazon's messaging rules");
        assertThat(page.text("#reply-problem .problem-meta")).as("the field, no status or request id for agents")
                .isEqualTo("field: text");

        page.type("#reply-text", "Your parcel is on its way; DHL expects to deliver it within two days.");
        page.waitFor("a clean check", "document.getElementById('compliance-status').dataset.state === 'clean'");
        page.click("#reply-send");
        page.waitFor("the sent reply in the conversation", "document.querySelector('#messages .message.out .message-body') !== null");
        assertThat(page.text("#messages .message.out .badge")).isEqualTo("Queued");
        assertThat(api.replyKeys).hasSize(2).as("the refused and the sent reply: two texts, two keys")
                .doesNotHaveDuplicates().allMatch(k -> k != null && !k.isBlank());
        assertThat(page.text("#messages .message.out .message-head strong")).isEqualTo("Reply by agent-anna");
        assertThat(js("document.getElementById('reply-problem').hidden")).isTrue();
        page.screenshot("reply-sent");
    }

    @Test
    @DisplayName("refund: validation, confirmation step, one Idempotency-Key for a double click, state polled to completed")
    void refundConfirmationIdempotencyAndState() throws Exception {
        page.waitFor("the queue", "document.querySelectorAll('#queue-rows tr').length > 0");
        browser.openTicket("t-contract-a");
        int keysBefore = api.idempotencyKeys.size();
        page.click("#btn-refund");
        page.waitFor("the refund dialog", "document.getElementById('action-dialog').open");
        String key = page.evaluate("document.getElementById('action-dialog').dataset.idempotencyKey").asText();
        assertThat(key).matches("[0-9a-f-]{32,36}");

        page.click("input[name=refund-kind][value=partial]");
        page.type("#refund-amount", "12,5x");
        page.click("#action-review");
        page.waitFor("the amount problem", "!document.getElementById('action-problem').hidden");
        assertThat(page.text("#action-problem .problem-meta")).contains("field: amount");
        page.type("#refund-amount", "12.50");
        page.click("#action-review");
        page.waitFor("the confirmation step", "document.getElementById('action-dialog').dataset.step === 'confirm'");
        assertThat(page.text("#action-summary")).isEqualTo(
                "Refund EUR 12.50 for 1 × Espresso cups (set of 4) on order 028-1111111-2222222 (reason CustomerReturn)?");
        assertThat(api.idempotencyKeys).hasSize(keysBefore).as("nothing sent before confirming");
        page.screenshot("refund-confirm");

        page.evaluate("(() => { const b = document.getElementById('action-confirm'); b.click(); b.click(); return true; })()");
        page.waitFor("the action's state", "document.getElementById('action-dialog').dataset.step === 'state'");
        assertThat(api.idempotencyKeys.subList(keysBefore, api.idempotencyKeys.size())).isNotEmpty().allMatch(key::equals);
        page.waitFor("the completed refund", "document.getElementById('action-state').textContent === 'Completed'");
        assertThat(page.text("#action-state-detail")).isEqualTo("Amazon confirmed it: EUR 12.50 refunded.");
        assertThat(api.requests).anyMatch(r -> r.startsWith("GET /tickets/t-contract-a/actions/act-"));
        page.screenshot("refund-completed");

        page.click("#action-dismiss");
        page.waitFor("the action on the ticket", "document.querySelector('#actions-list li[data-action-id] .badge.completed') !== null");
        page.click("#btn-cancel");
        page.waitFor("the cancellation dialog", "document.getElementById('action-dialog').open"
                + " && !document.getElementById('cancel-fields').hidden && document.getElementById('refund-fields').hidden");
        assertThat(page.evaluate("document.getElementById('action-dialog').dataset.idempotencyKey").asText())
                .as("a new dialog, a new key").isNotEqualTo(key);
        page.click("#action-review");
        page.waitFor("the confirmation step", "document.getElementById('action-dialog').dataset.step === 'confirm'");
        page.click("#action-back");
        page.waitFor("the input step again", "document.getElementById('action-dialog').dataset.step === 'input'");
        page.click("#action-dismiss");
        page.waitFor("the dialog closed", "!document.getElementById('action-dialog').open");
    }

    @Test
    @DisplayName("evidence: entries and the chain's verification")
    void evidenceView() throws Exception {
        page.waitFor("the queue", "document.querySelectorAll('#queue-rows tr').length > 0");
        browser.openTicket("t-contract-a");
        page.click("#btn-evidence");
        page.waitFor("the evidence view", "document.body.dataset.view === 'evidence' && document.body.dataset.ready === 'true'");
        assertThat(page.evaluate("document.getElementById('evidence-verification').dataset.valid").asText()).isEqualTo("true");
        assertThat(page.evaluate("document.querySelectorAll('#evidence-rows tr[data-sequence]').length").asInt()).isEqualTo(2);
        assertThat(page.text("#evidence-rows tr[data-sequence='1']")).contains("Tracking observation").contains("DELAYED");
        page.screenshot("evidence");
    }

    @Test
    @DisplayName("an expired or foreign token: the gateway's 401 is shown with a way to sign in again")
    void anUnauthorisedAnswerOffersSignInAgain() throws Exception {
        page.evaluate("(() => { const s = JSON.parse(sessionStorage.getItem('deskbridge.session'));"
                + " s.token = 'not-a-token'; sessionStorage.setItem('deskbridge.session', JSON.stringify(s)); return true; })()");
        page.navigate("http://localhost:5173/?reload=401#/queue");
        page.waitFor("the session-ended banner", "!document.getElementById('global-problem').hidden");
        assertThat(page.text("#queue-problem .problem-title")).isEqualTo("Unauthorized");
        assertThat(page.text("#global-problem")).contains("Your session has ended.");
        page.click("#global-problem button");
        page.waitFor("the sign-in form", "!document.getElementById('view-sign-in').hidden");
    }

}
