package org.conventionledger.rules.selection;

/**
 * The quota of one value of a category: a panel seats at least {@code min} and at most {@code max}
 * volunteers having that value (for instance {@code gender = female}, between 9 and 11).
 *
 * <p>{@code min > max} is accepted here and reported by the selection as an {@link InfeasibleQuotas}
 * naming the category, so that organisers get one explanation for every kind of conflict.
 */
public record ValueQuota(String value, int min, int max) {

    public ValueQuota {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A quota value must not be blank");
        }
        if (min < 0 || max < 0) {
            throw new IllegalArgumentException(
                    "The quota of value '" + value + "' must have min and max >= 0, found " + min + ".." + max);
        }
    }
}
