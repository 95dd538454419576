package org.conventionledger.command.votation;

/**
 * Where a collection desk's paper count stands in the double entry.
 *
 * <pre>
 *             enter (organiser A)             confirm (B ≠ A), same figures
 *   (none) ───────────────────────► ENTERED ─────────────────────────────────► CONFIRMED (counts)
 *                                    │  ▲   │
 *          confirm (B ≠ A),          │  │   │ correct (anyone; the corrector may not confirm)
 *          other figures             ▼  │   ▼
 *                                 MISMATCHED ──correct──► ENTERED
 * </pre>
 *
 * A confirmed count is final. A mismatched one takes no confirmation until corrected figures are
 * entered.
 */
public enum PaperDeskState {
    ENTERED,
    MISMATCHED,
    CONFIRMED
}
