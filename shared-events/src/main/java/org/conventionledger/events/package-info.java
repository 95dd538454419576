/**
 * The event catalogue of Convention Ledger: every fact the log can hold, as immutable records.
 *
 * <p>This module is the contract between the command service, the query service and every tool that
 * reads the log (garants' verifiers, evaluators' scripts). It depends on no runtime framework; the
 * only Axon type used is the {@code @Revision} annotation, which versions each payload so that
 * upcasters can evolve it. Events are grouped by the part of the process they belong to.
 */
package org.conventionledger.events;
