package org.conventionledger.events.deliberation;

/** An option's place in a majority-judgment result; equal majority values share a rank. */
public record RankedOption(String optionId, String label, int rank, String medianGrade) {}
