package org.conventionledger.query.pages.relay;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Read-your-writes for a page that was just written through the relay: the views follow the log a
 * moment later, so before showing the page again the controller waits, briefly, until they hold the
 * write. Past the wait the page is shown anyway and says the figures follow shortly.
 */
public final class Relayed {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private Relayed() {}

    /** Whether {@code seen} became true within the wait. */
    public static boolean await(BooleanSupplier seen) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!seen.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
