package org.conventionledger.query.pages.relay;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A form's messages in words, per field ({@value #FORM} for the form as a whole): the pages' own checks
 * and the command-service's refusals, whose codes are turned into sentences of the bundles
 * ({@code problem.CODE}, given when to try again as {@code {0}}, from the answer's {@code Retry-After}); a
 * code without a sentence shows the command-service's own explanation.
 */
public final class FormErrors {

    public static final String FORM = "form";

    private final Map<String, String> byField = new LinkedHashMap<>();
    private final MessageSource messages;

    public FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** A message of the bundles, at a field. */
    public FormErrors add(String field, String key, Object... args) {
        byField.putIfAbsent(field, messages.getMessage(key, args, locale()));
        return this;
    }

    /** The command-service's refusal, at the field its code concerns. */
    public FormErrors refused(CommandRelay.Answer answer, Map<String, String> fieldOfCode) {
        String field = fieldOfCode.getOrDefault(answer.code(), FORM);
        byField.putIfAbsent(field, words(answer));
        return this;
    }

    public boolean any() {
        return !byField.isEmpty();
    }

    public Map<String, String> asMap() {
        return byField;
    }

    private String words(CommandRelay.Answer answer) {
        try {
            // {0}, where a sentence has it, is when to try again ("dans 42 minutes", "later")
            return messages.getMessage("problem." + answer.code(), new Object[] {wait(answer)}, locale());
        } catch (NoSuchMessageException unknown) {
            String detail = answer.detail();
            return detail.isBlank() ? messages.getMessage("problem.unknown", null, locale()) : detail;
        }
    }

    private String wait(CommandRelay.Answer answer) {
        if (answer.retryAfterSeconds().isEmpty()) {
            return messages.getMessage("wait.later", null, locale());
        }
        long seconds = Math.max(1, answer.retryAfterSeconds().getAsLong());
        if (seconds < 60) {
            return messages.getMessage("wait.seconds", new Object[] {seconds}, locale());
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 120) {
            return messages.getMessage("wait.minutes", new Object[] {minutes}, locale());
        }
        return messages.getMessage("wait.hours", new Object[] {(minutes + 59) / 60}, locale());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
