package org.conventionledger.query.organisation;

import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One line of the list of conventions. */
@Document("conventions")
public record ConventionSummary(
        @Id String conventionId, String title, String city, List<String> transitions, int plannedSessions) {}
