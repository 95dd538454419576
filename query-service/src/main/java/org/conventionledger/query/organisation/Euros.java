package org.conventionledger.query.organisation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in euros. Stored as plain decimal strings: exact, and independent of how the MongoDB driver
 * would represent a {@link BigDecimal}. Shown with two decimals.
 */
final class Euros {

    private Euros() {}

    static String stored(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    static BigDecimal of(String stored) {
        return stored == null ? BigDecimal.ZERO : new BigDecimal(stored);
    }

    static BigDecimal shown(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
