package com.deskbridge.mail;

import com.deskbridge.mail.MailRefusedException.Limit;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one parse on a thread of its own with a fixed stack ({@link MailLimits#PARSE_STACK_BYTES}) and a deadline, so
 * neither the caller's stack nor its time budget depends on what a mail holds. A parse past its deadline is refused
 * and left to end on its daemon thread (Java cannot stop it; the scan before it bounds how long that can be).
 */
final class BoundedParse {
    private BoundedParse() {
    }

    static <T> T run(Supplier<T> parse, Duration deadline) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread worker = new Thread(null, () -> {
            try {
                result.complete(parse.get());
            } catch (Throwable e) { // the caller decides; a StackOverflowError must not end the thread unreported
                result.completeExceptionally(e);
            }
        }, "mail-parse", MailLimits.PARSE_STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new MailRefusedException(Limit.PARSE_TIME, "parsing took longer than " + deadline.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.interrupt();
            throw new IllegalStateException("interrupted while a mail was parsed", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof StackOverflowError overflow) {
                throw new MailRefusedException(Limit.PARSER_STACK, "the MIME structure overflowed the parser's stack", overflow);
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
