package org.conventionledger.query.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Views rebuilt from the log ("as of" a bound, published checkpoints), kept so that asking again does
 * not replay the log again. The key is the normalised request (the view, its id, the parsed bound), never
 * the raw query string, so spellings of one bound share an entry. A settled view (see
 * {@link LogReplay.Replayed#settled()}) can never change and is kept until the cache is full
 * ({@code ledger.as-of.cache-size} entries, default 256, least recently used out first); a view of a
 * bound still within the clock slack is kept one minute only, so a burst of requests for the latest
 * checkpoint just after midnight replays the log once a minute at most.
 */
@Component
public class AsOfCache {

    private final Cache<Object, Object> settled;
    private final Cache<Object, Object> recent;

    public AsOfCache(@Value("${ledger.as-of.cache-size:256}") long size) {
        this.settled = Caffeine.newBuilder().maximumSize(size).build();
        this.recent = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterWrite(Duration.ofMinutes(1))
                .build();
    }

    /** The view cached under the key, or computed, then cached as settled or recent as {@code isSettled} says. */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Supplier<T> compute, Predicate<T> isSettled) {
        Object hit = settled.getIfPresent(key);
        if (hit == null) {
            hit = recent.getIfPresent(key);
        }
        if (hit != null) {
            return (T) hit;
        }
        T value = compute.get();
        (isSettled.test(value) ? settled : recent).put(key, value);
        return value;
    }

    /** Entries held (for tests and metrics). */
    public long size() {
        settled.cleanUp();
        recent.cleanUp();
        return settled.estimatedSize() + recent.estimatedSize();
    }
}
