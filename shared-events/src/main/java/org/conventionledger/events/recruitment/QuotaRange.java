package org.conventionledger.events.recruitment;

/**
 * Bounds on how many panel members may have a value of a category (e.g. gender = female: 33–37).
 */
public record QuotaRange(String category, String value, int min, int max) {}
