/**
 * The web platform both services run, written once: the owner-only data directory, errors and refusals
 * as {@code application/problem+json}, and the API's identity wiring (local accounts or the city's JWTs).
 *
 * <p>Spring code, kept apart from the event catalogue ({@code org.conventionledger.events}), which depends
 * on no runtime framework: Spring is a {@code provided} dependency of this module, which the services
 * bring and the tools reading the catalogue do not need.
 */
package org.conventionledger.platform;
