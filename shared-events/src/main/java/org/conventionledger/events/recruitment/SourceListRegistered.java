package org.conventionledger.events.recruitment;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A source list the residents are drawn from was registered (electoral roll, a social landlord's
 * tenants, students, the youth mission, military census, parents of pupils, refugees programme…).
 *
 * @param kind what sort of list it is, in the organisers' words (e.g. {@code electoral-roll})
 */
@Revision("1")
public record SourceListRegistered(String conventionId, String listId, String name, String kind)
        implements ConventionEvent {}
