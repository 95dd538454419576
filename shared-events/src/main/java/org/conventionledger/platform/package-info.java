/**
 * Platform code both services run, kept apart from the event catalogue because it is no part of the log's
 * contract: the embedded default's local accounts and roles, the cross-site request rule, and files
 * readable by their owner only.
 */
package org.conventionledger.platform;
