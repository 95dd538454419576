/**
 * The pure rules of the process, which the command service applies and the {@code ledger} tool re-runs
 * from an export: the draws of residents ({@code sortition}), the fair panel lottery ({@code selection}) and
 * majority judgment ({@code judgment}).
 *
 * <p>Plain Java with no Spring, Axon or MongoDB type (an architecture test checks it), so a garant's tool
 * reaches them without either service. The panel lottery alone needs OR-Tools, an optional dependency of
 * this module: only the modules that draw panels declare it.
 */
package org.conventionledger.rules;
