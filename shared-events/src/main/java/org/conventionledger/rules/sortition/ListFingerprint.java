package org.conventionledger.rules.sortition;

import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The fingerprint of a frozen source list, logged when the list is frozen and again with the draw, so
 * that a garant can check that the draw used exactly the people listed in the log.
 *
 * <p>Rule ({@value #VERSION}): the lowercase hex SHA-256 of the UTF-8 bytes of
 * <pre>
 *   "convention-ledger/source-list/v1\n"
 *   listId + "\n"
 *   then each DISTINCT person id of the list, sorted in ascending String order, each followed by "\n"
 * </pre>
 * The order the ids were listed in and repeated ids do not matter; an empty list is just the two first
 * lines. String order is Java's {@link String#compareTo}; for the ASCII ids the ledger issues
 * ({@code p-} and hex digits) it is plain byte order, so the fingerprint can be recomputed with
 * <pre>
 *   { printf 'convention-ledger/source-list/v1\n%s\n' "$LIST_ID"; LC_ALL=C sort -u ids.txt; } | sha256sum
 * </pre>
 * where {@code ids.txt} holds one person id a line. Neither the list id nor a person id may contain a
 * line break, which would make two different lists hash the same text.
 */
public final class ListFingerprint {

    public static final String VERSION = "convention-ledger/source-list/v1";

    private ListFingerprint() {}

    /** The fingerprint of list {@code listId} holding {@code personIds} (in any order, repeats allowed). */
    public static String of(String listId, Collection<String> personIds) {
        requireLine(listId, "list id");
        if (listId.isBlank()) {
            throw new IllegalArgumentException("The list id must not be blank");
        }
        Objects.requireNonNull(personIds, "personIds");
        TreeSet<String> distinct = new TreeSet<>();
        for (String personId : personIds) {
            requireLine(personId, "person id on list " + listId);
            distinct.add(personId);
        }
        StringBuilder text =
                new StringBuilder(VERSION).append('\n').append(listId).append('\n');
        distinct.forEach(personId -> text.append(personId).append('\n'));
        return Sha256.hex(text.toString());
    }

    private static void requireLine(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("A " + what + " is missing");
        }
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("A " + what + " must not contain a line break: \"" + value + "\"");
        }
    }
}
