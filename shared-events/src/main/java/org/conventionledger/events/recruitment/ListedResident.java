package org.conventionledger.events.recruitment;

import org.conventionledger.events.privacy.SealedPersonalData;

/**
 * One resident on a source list: a pseudonymous id (the same person on several lists has the same
 * id) and their identity sealed with their own key.
 */
public record ListedResident(String personId, SealedPersonalData identity) {}
