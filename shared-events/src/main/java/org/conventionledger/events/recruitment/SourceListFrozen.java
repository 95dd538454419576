package org.conventionledger.events.recruitment;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A source list was frozen: no resident can be added any more, and its fingerprint is on the log.
 *
 * @param residents   number of distinct people on the list
 * @param fingerprint SHA-256 (hex) of the list's normalised content: its id and sorted person ids
 */
@Revision("1")
public record SourceListFrozen(String conventionId, String listId, int residents, String fingerprint)
        implements ConventionEvent {}
