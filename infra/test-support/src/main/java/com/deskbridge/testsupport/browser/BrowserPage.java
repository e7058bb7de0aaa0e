package com.deskbridge.testsupport.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One browser tab, driven the way an agent uses it: navigate, real mouse clicks at an element's centre, typed text,
 * and explicit waits on DOM conditions evaluated inside the page (a JavaScript promise that resolves when the
 * condition holds, or fails after the limit naming what it waited for). Screenshots are PNG files for people;
 * the tests assert on the DOM.
 */
public final class BrowserPage {
    private final CdpConnection cdp;
    private final String session;
    private final Duration waitLimit;
    private final Path screenshots;
    private int shots;

    private BrowserPage(CdpConnection cdp, String session, Duration waitLimit, Path screenshots) {
        this.cdp = cdp;
        this.session = session;
        this.waitLimit = waitLimit;
        this.screenshots = screenshots;
    }

    /** Attaches to the browser's first tab (the foreground one, so its timers are not throttled) at 1280×800. */
    public static BrowserPage attach(CdpConnection cdp, Duration waitLimit, Path screenshots) throws IOException {
        String targetId = null;
        for (JsonNode info : cdp.send(null, "Target.getTargets", null).path("targetInfos")) {
            if ("page".equals(info.path("type").asText())) {
                targetId = info.path("targetId").asText();
                break;
            }
        }
        if (targetId == null) {
            targetId = cdp.send(null, "Target.createTarget", params().put("url", "about:blank")).path("targetId").asText();
        }
        String session = cdp.send(null, "Target.attachToTarget", params().put("targetId", targetId).put("flatten", true))
                .path("sessionId").asText();
        BrowserPage page = new BrowserPage(cdp, session, waitLimit, Files.createDirectories(screenshots));
        page.command("Page.enable", null);
        page.command("Runtime.enable", null);
        page.command("Emulation.setDeviceMetricsOverride", params().put("width", 1280).put("height", 800)
                .put("deviceScaleFactor", 1).put("mobile", false));
        page.command("Emulation.setFocusEmulationEnabled", params().put("enabled", true));
        return page;
    }

    private static ObjectNode params() {
        return CdpConnection.JSON.createObjectNode();
    }

    private JsonNode command(String method, ObjectNode params) {
        return cdp.send(session, method, params);
    }

    /** Loads {@code url} and waits for its load event. */
    public void navigate(String url) {
        CompletableFuture<JsonNode> loaded = cdp.nextEvent(session, "Page.loadEventFired");
        JsonNode result = command("Page.navigate", params().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new AssertionError("navigation to " + url + " failed: " + result.get("errorText").asText());
        }
        try {
            loaded.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(url + " did not finish loading within " + waitLimit, e);
        }
    }

    /** Evaluates an expression (awaiting a returned promise) and returns its JSON value. */
    public JsonNode evaluate(String expression) {
        return evaluate(expression, waitLimit.plusSeconds(10));
    }

    private JsonNode evaluate(String expression, Duration limit) {
        JsonNode result = cdp.send(session, "Runtime.evaluate", params().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true).put("userGesture", true), limit);
        if (result.has("exceptionDetails")) {
            JsonNode details = result.get("exceptionDetails");
            String description = details.path("exception").path("description").asText(details.path("text").asText());
            throw new AssertionError(description);
        }
        return result.path("result").path("value");
    }

    /**
     * Waits until the JavaScript {@code condition} is truthy in the page and returns its value; fails after the
     * wait limit with {@code what} in the message. Errors thrown by the condition count as "not yet".
     */
    public JsonNode waitFor(String what, String condition) {
        String script = """
                new Promise((resolve, reject) => {
                  const deadline = Date.now() + %d;
                  const check = () => {
                    let value, error;
                    try { value = (%s); } catch (e) { error = e; }
                    if (value) { resolve(value); return; }
                    if (Date.now() > deadline) {
                      reject(new Error('waited %d ms for: ' + %s + (error ? ' (last error: ' + error + ')' : '')));
                      return;
                    }
                    setTimeout(check, 50);
                  };
                  check();
                })""".formatted(waitLimit.toMillis(), condition, waitLimit.toMillis(), CdpConnection.JSON.valueToTree(what));
        return evaluate(script);
    }

    /** Waits for the element to be visible and enabled, then clicks its centre with the mouse. */
    public void click(String selector) {
        String sel = quoted(selector);
        waitFor(selector + " visible and enabled", "(() => { const e = document.querySelector(" + sel + ");"
                + " if (!e || e.disabled) return false; const r = e.getBoundingClientRect();"
                + " return r.width > 0 && r.height > 0; })()");
        JsonNode point = evaluate("(() => { const e = document.querySelector(" + sel + ");"
                + " e.scrollIntoView({block: 'center', inline: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        double x = point.get("x").asDouble();
        double y = point.get("y").asDouble();
        mouse("mouseMoved", x, y, 0);
        mouse("mousePressed", x, y, 1);
        mouse("mouseReleased", x, y, 1);
    }

    private void mouse(String type, double x, double y, int clicks) {
        ObjectNode p = params().put("type", type).put("x", x).put("y", y).put("button", "left").put("clickCount", clicks);
        if (clicks == 0) {
            p.put("button", "none");
        }
        command("Input.dispatchMouseEvent", p);
    }

    /** Clicks into the field, selects what is there and types {@code text} over it (input events fire). */
    public void type(String selector, String text) {
        click(selector);
        evaluate("document.querySelector(" + quoted(selector) + ").select()");
        command("Input.insertText", params().put("text", text));
    }

    /** The element's trimmed text content. */
    public String text(String selector) {
        return evaluate("(() => { const e = document.querySelector(" + quoted(selector) + ");"
                + " return e ? e.textContent.trim() : null; })()").asText(null);
    }

    /** Saves a PNG of the viewport as {@code target/screenshots/NN-name.png} and returns its path. */
    public Path screenshot(String name) throws IOException {
        JsonNode shot = command("Page.captureScreenshot", params().put("format", "png"));
        Path file = screenshots.resolve("%02d-%s.png".formatted(++shots, name));
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
        return file;
    }

    public static String quoted(String value) {
        return CdpConnection.JSON.valueToTree(value).toString();
    }
}
