package org.conventionledger.rules.selection;

import java.util.List;

/**
 * A lottery over quota-satisfying panels, as computed by {@link LeximinSelection}.
 *
 * @param algorithm          the rule and its version, e.g. {@value LeximinSelection#ALGORITHM}
 * @param panelSize          the number of volunteers on every panel
 * @param panels             the panels with a positive probability, in a fixed order (the order
 *                           {@link PanelDraw} walks); their probabilities add up to 1
 * @param probabilities      each volunteer's probability of being selected, in pool order; they add up to
 *                           {@code panelSize}
 * @param minimumProbability the smallest of {@code probabilities}
 */
public record PanelLottery(
        String algorithm, int panelSize, List<Panel> panels, List<Double> probabilities, double minimumProbability) {

    public PanelLottery {
        panels = List.copyOf(panels);
        probabilities = List.copyOf(probabilities);
    }

    /** One panel of the lottery: the pool indices of its members, ascending, and its probability. */
    public record Panel(List<Integer> members, double probability) {

        public Panel {
            members = List.copyOf(members);
        }
    }
}
