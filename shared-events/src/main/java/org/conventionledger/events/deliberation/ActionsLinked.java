package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** An action sheet was linked to another (possibly another assembly's), e.g. "complements". */
@Revision("1")
public record ActionsLinked(String conventionId, String actionId, String linkedActionId, String relation)
        implements ConventionEvent {}
