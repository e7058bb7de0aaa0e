package com.deskbridge.testsupport.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Headless Chromium showing the console on the helpdesk origin: the browser maps the origin's host and port
 * (http://localhost:5173, the template's {@code HelpdeskOrigin}) to the console server's free port, so the page
 * has exactly the origin the API's CORS settings allow, and the tests never need port 5173 to be free.
 */
public final class ConsoleBrowser implements AutoCloseable {
    private final Chromium chromium;
    private final CdpConnection cdp;
    private final BrowserPage page;
    private final String consoleUrl;
    private int loads;

    private ConsoleBrowser(Chromium chromium, CdpConnection cdp, BrowserPage page, String consoleUrl) {
        this.chromium = chromium;
        this.cdp = cdp;
        this.page = page;
        this.consoleUrl = consoleUrl;
    }

    public static ConsoleBrowser start(Path binary, URI origin, int consolePort, Duration wait, Path screenshots)
            throws IOException, InterruptedException {
        int port = origin.getPort() < 0 ? 80 : origin.getPort();
        Chromium chromium = Chromium.launch(binary, Duration.ofSeconds(30),
                List.of("--host-resolver-rules=MAP " + origin.getHost() + ":" + port + " 127.0.0.1:" + consolePort));
        try {
            CdpConnection cdp = CdpConnection.open(chromium.browserWebSocketUrl(), wait.plusSeconds(15));
            BrowserPage page = BrowserPage.attach(cdp, wait, screenshots);
            return new ConsoleBrowser(chromium, cdp, page, origin.getScheme() + "://" + origin.getHost() + ":" + port + "/");
        } catch (IOException | RuntimeException e) {
            chromium.close();
            throw e;
        }
    }

    public BrowserPage page() {
        return page;
    }

    /** Uncaught script errors and console errors the page reported since the last call. */
    public List<String> drainScriptErrors() {
        return cdp.drainConsoleErrors();
    }

    /** A fresh load of the console (new document, no session) at the given hash route. */
    public void load(String hashRoute) {
        page.navigate(consoleUrl + "?load=" + (++loads));
        page.evaluate("sessionStorage.clear(), true");
        page.navigate(consoleUrl + "?load=" + (++loads) + hashRoute);
    }

    /** Signs in through the form as {@code agent} of {@code seller}, lands on the inbox and opens the queue. */
    public void signIn(String agent, String seller) throws IOException {
        signIn(agent, seller, false);
    }

    /** As {@link #signIn(String, String)}, with a screenshot of the filled-in form when asked. */
    public void signIn(String agent, String seller, boolean screenshot) throws IOException {
        load("#/sign-in");
        page.waitFor("the sign-in form", "!document.getElementById('view-sign-in').hidden");
        page.type("#sign-in-agent", agent);
        page.type("#sign-in-seller", seller);
        if (screenshot) {
            page.screenshot("sign-in");
        }
        page.click("#sign-in-submit");
        // the console opens on the smart inbox; these tests start from the queue
        page.waitFor("the inbox", "document.body.dataset.view === 'inbox' && document.body.dataset.ready === 'true'");
        page.evaluate("location.hash = '#/queue', true");
        page.waitFor("the queue view", "document.body.dataset.view === 'queue' && document.body.dataset.ready === 'true'");
    }

    /** Clicks the ticket's row in the queue and waits until the ticket and its messages are shown. */
    public void openTicket(String id) {
        page.click("#queue-rows tr[data-ticket-id=" + BrowserPage.quoted(id) + "] .subject a");
        page.waitFor("ticket " + id + " with its messages", "document.body.dataset.view === 'ticket'"
                + " && document.body.dataset.ready === 'true' && location.hash === " + BrowserPage.quoted("#/tickets/" + id)
                + " && document.querySelectorAll('#messages .message').length > 0");
    }

    @Override
    public void close() {
        try {
            cdp.close();
        } finally {
            chromium.close();
        }
    }
}
