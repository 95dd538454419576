/**
 * The event catalogue of Convention Ledger: every fact the log can hold, as immutable records.
 *
 * <p>This module is the contract between the command service, the query service and every tool that
 * reads the log (garants' verifiers, evaluators' scripts). It depends on no runtime framework; the
 * only Axon types used are its serialization API: the {@code @Revision} annotation, which versions each
 * payload, and the upcasters that evolve one. Events are grouped by the part of the process they belong
 * to. The pure rules ({@code org.conventionledger.rules}) and the shared platform code
 * ({@code org.conventionledger.platform}) sit beside the catalogue in this module, outside it.
 */
package org.conventionledger.events;
