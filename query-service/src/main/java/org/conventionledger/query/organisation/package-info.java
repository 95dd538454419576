/**
 * The read side of organisation: the conventions the ledger holds and their sessions (attendance,
 * indemnities and expenses, the payable list for the finance department).
 *
 * <p>The session projection runs in the processing group
 * {@value org.conventionledger.query.platform.ProcessingConfiguration#RECRUITMENT}, whose name its stored
 * tokens carry: the sessions were read there before they had a package of their own, and a renamed group
 * would replay from an empty token store.
 */
package org.conventionledger.query.organisation;
