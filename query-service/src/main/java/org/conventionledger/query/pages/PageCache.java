package org.conventionledger.query.pages;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.conventionledger.query.platform.ProjectionRebuild;
import org.springframework.stereotype.Component;

/**
 * The views a page composes, kept while no projection has moved: a view is a function of the events its
 * projection has absorbed, so while every processor stands at the same position (and the day is the
 * same, for the delays counted in days) it would be computed again identically. The first reader after
 * any new event recomputes. A small LRU, so memory stays bounded whatever the readers ask.
 */
@Component
public class PageCache {

    private static final int ENTRIES = 64;

    private final ProjectionRebuild projections;
    private final Map<String, Object> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > ENTRIES;
        }
    };

    public PageCache(ProjectionRebuild projections) {
        this.projections = projections;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(String key, Supplier<T> compute) {
        String stamped = key + "|" + stamp();
        synchronized (entries) {
            Object known = entries.get(stamped);
            if (known != null) {
                return (T) known;
            }
        }
        T value = compute.get();
        synchronized (entries) {
            entries.put(stamped, value);
        }
        return value;
    }

    /** Where every projection stands, and today's date. */
    private String stamp() {
        return projections.progress().stream()
                        .map(p -> p.processor() + ":" + p.position() + (p.replaying() ? "r" : ""))
                        .sorted()
                        .collect(Collectors.joining(","))
                + "|" + LocalDate.now(Formats.CITY);
    }
}
