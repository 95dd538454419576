package org.conventionledger.command.recruitment.selection;

import java.util.Map;

/**
 * A volunteer of the pool: an id (unique in the pool) and their value in each quota category, by
 * category name. Extra entries (attributes without a quota) are allowed and ignored.
 */
public record Volunteer(String id, Map<String, String> values) {

    public Volunteer {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A volunteer id must not be blank");
        }
        values = Map.copyOf(values);
    }

    /** This volunteer's value in {@code category}, or {@code null} if they have none. */
    public String valueOf(String category) {
        return values.get(category);
    }
}
