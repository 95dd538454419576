package org.conventionledger.events.recruitment;

import java.util.List;

/**
 * One quota-satisfying panel of the lottery and the probability it is drawn with.
 */
public record LotteryPanel(double probability, List<String> personIds) {}
