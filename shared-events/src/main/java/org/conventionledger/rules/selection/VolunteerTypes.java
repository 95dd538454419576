package org.conventionledger.rules.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pool compressed into <em>types</em> (profiles): volunteers with the same value in every quota
 * category. The quotas cannot tell two volunteers of a type apart, which is what makes the selection
 * work on a few types rather than thousands of people (see {@link LeximinSelection}).
 *
 * <p>Households: a volunteer who shares a household key with someone else in the pool is not
 * interchangeable with the others of their profile (seating them rules their housemates out), so each
 * such volunteer is a type of their own, and {@link #households()} lists those types by household.
 * Volunteers alone in their household (or without a key) are grouped by profile as before.
 *
 * <p>Types are numbered in the order their first member appears in the pool, and each type lists its
 * members in pool order, so everything built on them is deterministic.
 */
final class VolunteerTypes {

    private final int[][] valueIndices;
    private final int[][] members;
    private final int[] typeOf;
    private final int[][] households;

    private VolunteerTypes(int[][] valueIndices, int[][] members, int[] typeOf, int[][] households) {
        this.valueIndices = valueIndices;
        this.members = members;
        this.typeOf = typeOf;
        this.households = households;
    }

    /**
     * Groups the pool by value vector; rejects a pool where ids repeat or a volunteer lacks a category's
     * value or has a value the category does not list.
     */
    static VolunteerTypes of(Quotas quotas, List<Volunteer> pool) {
        List<Category> categories = quotas.categories();
        Map<List<Integer>, Integer> typeByValues = new HashMap<>(); // lookups only, never iterated
        List<int[]> valueIndices = new ArrayList<>();
        List<List<Integer>> members = new ArrayList<>();
        int[] typeOf = new int[pool.size()];
        Set<String> ids = new HashSet<>();
        Map<String, Integer> householdSizes = new HashMap<>(); // lookups only, never iterated
        pool.forEach(v -> {
            if (v.household() != null) {
                householdSizes.merge(v.household(), 1, Integer::sum);
            }
        });
        Map<String, List<Integer>> shared = new LinkedHashMap<>(); // households of 2 or more, first seen first
        for (int i = 0; i < pool.size(); i++) {
            Volunteer volunteer = pool.get(i);
            if (!ids.add(volunteer.id())) {
                throw new IllegalArgumentException("Volunteer id '" + volunteer.id() + "' appears twice in the pool");
            }
            int[] vector = new int[categories.size()];
            for (int c = 0; c < categories.size(); c++) {
                Category category = categories.get(c);
                String value = volunteer.valueOf(category.name());
                vector[c] = value == null ? -1 : category.indexOf(value);
                if (vector[c] < 0) {
                    throw new IllegalArgumentException("Volunteer '" + volunteer.id() + "' has "
                            + (value == null ? "no value" : "value '" + value + "'") + " for category '"
                            + category.name() + "' (expected one of: " + category.valueNames() + ")");
                }
            }
            List<Integer> key = new ArrayList<>(Arrays.stream(vector).boxed().toList());
            boolean housemates = volunteer.household() != null && householdSizes.get(volunteer.household()) > 1;
            if (housemates) {
                key.add(-1 - i); // a type of one: no other key ends with this pool index
            }
            Integer type = typeByValues.get(key);
            if (type == null) {
                type = valueIndices.size();
                typeByValues.put(key, type);
                valueIndices.add(vector);
                members.add(new ArrayList<>());
            }
            members.get(type).add(i);
            typeOf[i] = type;
            if (housemates) {
                shared.computeIfAbsent(volunteer.household(), h -> new ArrayList<>())
                        .add(type);
            }
        }
        return new VolunteerTypes(
                valueIndices.toArray(int[][]::new),
                members.stream()
                        .map(m -> m.stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new),
                typeOf,
                shared.values().stream()
                        .map(h -> h.stream().mapToInt(Integer::intValue).toArray())
                        .toArray(int[][]::new));
    }

    /** The types (each of one volunteer) of every household with two or more volunteers in the pool. */
    int[][] households() {
        return households;
    }

    /** How many volunteers a panel can seat at most, one per household. */
    int seatableHouseholds() {
        int seatable = typeOf.length;
        for (int[] household : households) {
            seatable -= household.length - 1;
        }
        return seatable;
    }

    int count() {
        return members.length;
    }

    /** The number of volunteers of type {@code type}. */
    int size(int type) {
        return members[type].length;
    }

    /** The pool indices of the members of {@code type}, ascending. */
    int[] members(int type) {
        return members[type];
    }

    /** The index, in category {@code category}'s values, of the value every member of {@code type} has. */
    int valueIndex(int type, int category) {
        return valueIndices[type][category];
    }

    int typeOf(int volunteer) {
        return typeOf[volunteer];
    }

    int poolSize() {
        return typeOf.length;
    }
}
