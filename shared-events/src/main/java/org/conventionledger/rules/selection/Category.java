package org.conventionledger.rules.selection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A quota category (for instance {@code gender}) and the quota of each of its values. Every volunteer has
 * exactly one of these values, so the values partition the pool.
 */
public record Category(String name, List<ValueQuota> values) {

    public Category {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A category name must not be blank");
        }
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("Category '" + name + "' has no values");
        }
        Set<String> seen = new HashSet<>();
        for (ValueQuota value : values) {
            if (!seen.add(value.value())) {
                throw new IllegalArgumentException("Category '" + name + "' lists value '" + value.value() + "' twice");
            }
        }
    }

    /** The position of {@code value} in {@link #values()}, or -1 if it is not a value of this category. */
    public int indexOf(String value) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    /** The values' names, in order, for messages. */
    String valueNames() {
        return String.join(", ", values.stream().map(ValueQuota::value).toList());
    }
}
