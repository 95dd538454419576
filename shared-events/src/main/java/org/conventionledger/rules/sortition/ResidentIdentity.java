package org.conventionledger.rules.sortition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * Who a resident on a source list is: what gets sealed with the person's key and never enters the log in
 * clear. Last name (the birth name), first name and birth date are required (they identify the person across
 * lists, see {@link IdentityNormaliser}); the contact fields and the usage name (married name…, which letters
 * may be addressed to) are optional. Values are stripped of surrounding
 * whitespace and a blank optional value is absent ({@code null}).
 *
 * <p>{@link #toJson()} gives the text that is sealed: a JSON object with the fields below by their
 * record names, {@code birthDate} as {@code yyyy-MM-dd}, absent fields left out; {@link #fromJson(String)}
 * reads it back.
 */
public record ResidentIdentity(
        String lastName,
        String firstName,
        LocalDate birthDate,
        String address,
        String postcode,
        String city,
        String email,
        String phone,
        String usageName) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS =
            List.of("lastName", "firstName", "birthDate", "address", "postcode", "city", "email", "phone", "usageName");

    public ResidentIdentity {
        lastName = required(lastName, "lastName");
        firstName = required(firstName, "firstName");
        Objects.requireNonNull(birthDate, "birthDate is required");
        address = optional(address);
        postcode = optional(postcode);
        city = optional(city);
        email = optional(email);
        phone = optional(phone);
        usageName = optional(usageName);
    }

    /** An identity without a usage name. */
    public ResidentIdentity(
            String lastName,
            String firstName,
            LocalDate birthDate,
            String address,
            String postcode,
            String city,
            String email,
            String phone) {
        this(lastName, firstName, birthDate, address, postcode, city, email, phone, null);
    }

    /** An identity with no contact fields. */
    public ResidentIdentity(String lastName, String firstName, LocalDate birthDate) {
        this(lastName, firstName, birthDate, null, null, null, null, null);
    }

    /** The JSON text sealed for this person. */
    public String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("lastName", lastName);
        node.put("firstName", firstName);
        node.put("birthDate", birthDate.toString());
        putIfPresent(node, "address", address);
        putIfPresent(node, "postcode", postcode);
        putIfPresent(node, "city", city);
        putIfPresent(node, "email", email);
        putIfPresent(node, "phone", phone);
        putIfPresent(node, "usageName", usageName);
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity {@link #toJson()} wrote; rejects other JSON with an {@link IllegalArgumentException}. */
    public static ResidentIdentity fromJson(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(Objects.requireNonNull(json, "json"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A resident identity must be a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("A resident identity must be a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("A resident identity has no field \"" + name + "\"");
            }
        }
        String birthDate = text(node, "birthDate");
        if (birthDate == null) {
            throw new IllegalArgumentException("A resident identity needs a birthDate");
        }
        try {
            return new ResidentIdentity(
                    text(node, "lastName"),
                    text(node, "firstName"),
                    LocalDate.parse(birthDate),
                    text(node, "address"),
                    text(node, "postcode"),
                    text(node, "city"),
                    text(node, "email"),
                    text(node, "phone"),
                    text(node, "usageName"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("A resident identity's birthDate must be yyyy-MM-dd");
        }
    }

    /** Names only the fields present: the values are personal data and must not reach logs or messages. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ResidentIdentity[lastName, firstName, birthDate");
        String[] contacts = {address, postcode, city, email, phone, usageName};
        for (int i = 0; i < contacts.length; i++) {
            if (contacts[i] != null) {
                text.append(", ").append(FIELDS.get(3 + i));
            }
        }
        return text.append(']').toString();
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    private static String optional(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException("A resident identity's " + field + " must be a string");
        }
        return value.asText();
    }
}
