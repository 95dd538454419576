package org.conventionledger.command.deliberation;

/** A topic group drafts an action sheet under its topic, with the action's public number. */
public record DraftAction(
        String actionId, String conventionId, int number, String topicId, String title, String text) {}
