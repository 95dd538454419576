package org.conventionledger.command.deliberation;

import java.util.List;

/**
 * Put a free-standing question (adopting the dialogue charter, a question of method…) to a consent
 * round with these participants: its text is version 1.
 */
public record PutQuestion(
        String conventionId, String questionId, String title, String text, List<String> participants) {}
