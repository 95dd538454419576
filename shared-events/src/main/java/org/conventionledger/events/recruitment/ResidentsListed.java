package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A batch of residents was imported into a source list. Names and addresses are sealed per person;
 * only pseudonymous ids are readable in the log.
 *
 * @param batch number of the import batch within the list, from 1
 */
@Revision("1")
public record ResidentsListed(String conventionId, String listId, int batch, List<ListedResident> residents)
        implements ConventionEvent {}
