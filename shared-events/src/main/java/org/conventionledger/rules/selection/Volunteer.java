package org.conventionledger.rules.selection;

import java.util.Map;

/**
 * A volunteer of the pool: an id (unique in the pool), their value in each quota category, by category
 * name, and optionally a household key. Extra entries (attributes without a quota) are allowed and
 * ignored.
 *
 * @param household a pseudonymous key shared by the volunteers of one household, or {@code null}: the
 *                  selection seats at most one volunteer per key (never the address itself, see ADR-006)
 */
public record Volunteer(String id, Map<String, String> values, String household) {

    public Volunteer {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("A volunteer id must not be blank");
        }
        values = Map.copyOf(values);
        if (household != null && household.isBlank()) {
            household = null;
        }
    }

    /** A volunteer whose household is not taken into account. */
    public Volunteer(String id, Map<String, String> values) {
        this(id, values, null);
    }

    /** This volunteer's value in {@code category}, or {@code null} if they have none. */
    public String valueOf(String category) {
        return values.get(category);
    }
}
