package org.conventionledger.command.platform;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a caller is told about a request it got wrong, in the API's words: the field and what it should
 * hold, never the names of the classes behind the API (Jackson's own messages quote them).
 */
final class ClientMessages {

    /** A qualified Java name ({@code org.example.Type}) or an exception's name gives the code away. */
    private static final Pattern CODE_NAMES =
            Pattern.compile("\\b[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+\\.[A-Z]\\w*|\\w*(Exception|Error)\\b|\\$");

    private ClientMessages() {}

    /** The message if it says nothing of the code, the fallback otherwise. */
    static String readable(String message, String fallback) {
        return message == null
                        || message.isBlank()
                        || CODE_NAMES.matcher(message).find()
                ? fallback
                : message;
    }

    /** The JSON path of the field at fault, as {@code votes[2].actionNumber}. */
    static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Why the field's value could not be read: unknown, or not of the expected kind (and which values fit). */
    static String invalidField(String field, JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException) {
            return "Field '" + field + "' is not part of this request.";
        }
        if (mapping instanceof ValueInstantiationException
                && mapping.getCause() instanceof IllegalArgumentException rule) {
            return readable(rule.getMessage(), "Field '" + field + "' has an invalid value.");
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            String value = mapping instanceof InvalidFormatException format && format.getValue() != null
                    ? " '" + format.getValue() + "'"
                    : "";
            return "Field '" + field + "' has an invalid value" + value + ": expected " + expected(type) + ".";
        }
        return "Field '" + field + "' has an invalid value.";
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        } else if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        } else if (Number.class.isAssignableFrom(type)
                || type == int.class
                || type == long.class
                || type == double.class
                || type == short.class) {
            return "a number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        } else if (CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        } else if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 date or time";
        }
        return "an object";
    }
}
