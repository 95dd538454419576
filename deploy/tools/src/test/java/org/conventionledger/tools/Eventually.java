package org.conventionledger.tools;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * The end-to-end tests' one way of waiting for the services: a probe polled until it gives what the test
 * expects, failing after {@code atMost} with what it gave last. A read the query service refuses with 404
 * (the view is not projected yet) counts as "not yet"; any other refusal fails at once.
 */
public final class Eventually {

    private Eventually() {}

    public static <T> T await(String what, Duration atMost, Callable<T> probe, Predicate<? super T> done) {
        return Awaitility.await(what)
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptionsMatching(Eventually::notProjectedYet)
                .until(probe, done::test);
    }

    private static boolean notProjectedYet(Throwable e) {
        return e instanceof LedgerClient.Rejected rejected && rejected.status() == 404;
    }
}
