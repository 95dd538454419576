/**
 * Platform code both services run, kept apart from the event catalogue because it is no part of the log's
 * contract: the owner-only data directory, errors and refusals as {@code application/problem+json}, the
 * API's identity wiring (local accounts or the city's JWTs); in sub-packages the embedded default's local
 * accounts and roles, the cross-site request rule, and files readable by their owner only.
 *
 * <p>Spring code, kept apart from the event catalogue ({@code org.conventionledger.events}), which depends
 * on no runtime framework: Spring is a {@code provided} dependency of this module, which the services
 * bring and the tools reading the catalogue do not need.
 */
package org.conventionledger.platform;
