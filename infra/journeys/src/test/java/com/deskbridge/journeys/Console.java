package com.deskbridge.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.testsupport.browser.BrowserPage;
import com.deskbridge.testsupport.browser.Chromium;
import com.deskbridge.testsupport.browser.ConsoleBrowser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The agent console the runner serves, in one headless Chromium for the suite (test-support's DevTools-protocol
 * harness), loaded from the template's HelpdeskOrigin. Journeys without Chromium on the machine stop at their
 * console step, skipped with the install hint.
 */
final class Console {
    static final Duration WAIT = Duration.ofSeconds(60);
    /** One page for the suite: a journey holds it from its first console step to its end (journeys may run in parallel). */
    private static final java.util.concurrent.locks.ReentrantLock IN_USE = new java.util.concurrent.locks.ReentrantLock();
    private static ConsoleBrowser browser;

    private Console() {
    }

    /**
     * The browser, started on first use, held by the calling journey until it ends ({@link #release()}); the journey is
     * skipped here when Chromium is not installed.
     */
    static ConsoleBrowser browser(JourneySystem.Endpoints system) {
        if (!IN_USE.isHeldByCurrentThread()) {
            IN_USE.lock();
        }
        return started(system);
    }

    /** Lets the next journey have the page. */
    static void release() {
        while (IN_USE.isHeldByCurrentThread()) {
            IN_USE.unlock();
        }
    }

    private static synchronized ConsoleBrowser started(JourneySystem.Endpoints system) {
        if (browser == null) {
            Optional<Path> chromium = Chromium.find();
            Assumptions.assumeTrue(chromium.isPresent(), Chromium.NOT_FOUND + " (the API part of this journey passed)");
            try {
                browser = ConsoleBrowser.start(chromium.get(), system.helpdeskOrigin(), system.consolePort(), WAIT,
                        Path.of("target", "screenshots"));
            } catch (IOException e) {
                throw new AssertionError("Chromium did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(browser::close, "stop-journeys-browser"));
        }
        return browser;
    }

    /** Signs in as {@code agent} of {@code seller} and opens the ticket with its messages. */
    static BrowserPage ticket(JourneySystem.Endpoints system, String agent, String seller, String ticketId) {
        ConsoleBrowser b = browser(system);
        try {
            b.signIn(agent, seller);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        BrowserPage page = b.page();
        page.evaluate("location.hash = " + BrowserPage.quoted("#/tickets/" + ticketId) + ", true");
        page.waitFor("ticket " + ticketId + " with its messages", "document.body.dataset.view === 'ticket'"
                + " && document.body.dataset.ready === 'true' && location.hash === " + BrowserPage.quoted("#/tickets/" + ticketId)
                + " && document.querySelectorAll('#messages .message').length > 0");
        return page;
    }

    /** Signs in through the form as {@code agent} of {@code seller}, as a lead when {@code lead}, lands on the inbox and opens the queue. */
    static BrowserPage signIn(JourneySystem.Endpoints system, String agent, String seller, boolean lead) {
        ConsoleBrowser b = browser(system);
        b.load("#/sign-in");
        BrowserPage page = b.page();
        page.waitFor("the sign-in form", "!document.getElementById('view-sign-in').hidden");
        page.type("#sign-in-agent", agent);
        page.type("#sign-in-seller", seller);
        page.evaluate("document.getElementById('sign-in-role').value = " + BrowserPage.quoted(lead ? "lead" : "agent") + ", true");
        page.click("#sign-in-submit");
        page.waitFor("the inbox, where the console opens", "document.body.dataset.view === 'inbox' && document.body.dataset.ready === 'true'");
        page.evaluate("location.hash = '#/queue', true");
        page.waitFor("the queue view", "document.body.dataset.view === 'queue' && document.body.dataset.ready === 'true'");
        return page;
    }

    /** Shows the screen at {@code hash} (e.g. "#/settings") and waits until it has loaded. */
    static void open(BrowserPage page, String hash, String view) {
        page.evaluate("location.hash = " + BrowserPage.quoted(hash) + ", true");
        page.waitFor(hash, "document.body.dataset.view === " + BrowserPage.quoted(view) + " && document.body.dataset.ready === 'true'");
    }

    /** Reloads the open ticket (as an agent coming back to it does) and waits until it is shown again. */
    static void reloadTicket(BrowserPage page, String ticketId) {
        page.evaluate("location.hash = '#/queue', true");
        page.waitFor("the queue", "document.body.dataset.view === 'queue' && document.body.dataset.ready === 'true'");
        page.evaluate("location.hash = " + BrowserPage.quoted("#/tickets/" + ticketId) + ", true");
        page.waitFor("ticket " + ticketId, "document.body.dataset.view === 'ticket' && document.body.dataset.ready === 'true'"
                + " && document.querySelectorAll('#messages .message').length > 0");
    }

    /**
     * The refund or cancellation dialog as an agent uses it: opens it with {@code button}, lets {@code fill} choose
     * what the form needs, reviews, shows the confirmation text, confirms with {@code clicks} clicks (two: a double
     * click) and waits for the action's state step. Returns the confirmation text.
     */
    static String confirmAction(BrowserPage page, String button, java.util.function.Consumer<BrowserPage> fill, int clicks) {
        page.click(button);
        page.waitFor("the action dialog", "document.getElementById('action-dialog').open");
        fill.accept(page);
        page.click("#action-review");
        page.waitFor("the confirmation step", "document.getElementById('action-dialog').dataset.step === 'confirm'");
        String summary = page.text("#action-summary");
        page.evaluate("(() => { const b = document.getElementById('action-confirm'); for (let i = 0; i < " + clicks + "; i++) b.click();"
                + " return true; })()");
        page.waitFor("the action's state", "document.getElementById('action-dialog').dataset.step === 'state'");
        return summary;
    }

    /** Closes the action dialog. */
    static void dismissAction(BrowserPage page) {
        page.click("#action-dismiss");
        page.waitFor("the dialog closed", "!document.getElementById('action-dialog').open");
    }

    /** The action's row in the ticket's "Refunds and cancellations" list shows {@code state} (waits, bounded). */
    static void showsActionState(BrowserPage page, String ticketId, String actionId, String state) {
        String row = "#actions-list li[data-action-id=" + BrowserPage.quoted(actionId) + "] .badge";
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            String shown = page.text(row);
            if (shown != null && shown.equalsIgnoreCase(state)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                assertThat(shown).as("the console's state of action " + actionId).isEqualToIgnoringCase(state);
            }
            Journey.pause();
            reloadTicket(page, ticketId);
        }
    }

    /** No uncaught script error or console.error in the page since the last look (of the journey holding the page). */
    static void noScriptErrors() {
        if (browser != null && IN_USE.isHeldByCurrentThread()) {
            assertThat(browser.drainScriptErrors()).as("uncaught errors and console.error calls in the console").isEmpty();
        }
    }
}
