package org.conventionledger.rules.selection;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a panel must look like: {@code panelSize} volunteers and, for every value of every category, a
 * number of them between the value's min and max.
 */
public record Quotas(int panelSize, List<Category> categories) {

    public Quotas {
        if (panelSize < 1) {
            throw new IllegalArgumentException("The panel size must be at least 1, found " + panelSize);
        }
        categories = List.copyOf(categories);
        Set<String> seen = new HashSet<>();
        for (Category category : categories) {
            if (!seen.add(category.name())) {
                throw new IllegalArgumentException("Category '" + category.name() + "' is listed twice");
            }
        }
    }
}
