package org.conventionledger.rules.selection;

import java.util.List;

/**
 * No panel of the pool meets the quotas. {@link #conflictingCategories()} names the categories whose
 * quotas cannot be met together (in quota order); the message says why, naming values where one value
 * is the cause. An empty list means no category is to blame: the pool is smaller than the panel.
 */
public final class InfeasibleQuotas extends RuntimeException {

    private final List<String> conflictingCategories;

    InfeasibleQuotas(String message, List<String> conflictingCategories) {
        super(message);
        this.conflictingCategories = List.copyOf(conflictingCategories);
    }

    public List<String> conflictingCategories() {
        return conflictingCategories;
    }
}
