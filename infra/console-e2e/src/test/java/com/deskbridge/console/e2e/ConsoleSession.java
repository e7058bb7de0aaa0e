package com.deskbridge.console.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.deskbridge.console.ConsoleServer;
import com.deskbridge.testsupport.browser.BrowserPage;
import com.deskbridge.testsupport.browser.Chromium;
import com.deskbridge.testsupport.browser.ConsoleBrowser;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;

/**
 * What every console test class shares: the console served for an API, headless Chromium on the page (skipped with
 * the install hint when no Chromium is found), no script error left unasserted, and both closed after the class.
 */
abstract class ConsoleSession {
    static ConsoleServer console;
    static ConsoleBrowser browser;
    static BrowserPage page;

    /** The Chromium binary, or the class is skipped saying how to install it. */
    static Path chromium() {
        Optional<Path> binary = Chromium.find();
        Assumptions.assumeTrue(binary.isPresent(), Chromium.NOT_FOUND);
        return binary.get();
    }

    static void openConsole(Path chromium, URI api, URI helpdeskOrigin, Duration wait, Path screenshots) throws Exception {
        console = ConsoleServer.start(0, api);
        browser = ConsoleBrowser.start(chromium, helpdeskOrigin, console.port(), wait, screenshots);
        page = browser.page();
    }

    @AfterEach
    void thePageRaisedNoScriptErrors() {
        if (browser != null) {
            assertThat(browser.drainScriptErrors()).as("uncaught errors and console.error calls in the page").isEmpty();
        }
    }

    @AfterAll
    static void closeConsole() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (console != null) {
            console.close();
            console = null;
        }
        page = null;
    }
}
