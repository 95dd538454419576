package org.conventionledger.events.recruitment;

import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the recruitment events, in one chain both services read the store with. */
public final class RecruitmentUpcasters {

    private RecruitmentUpcasters() {}

    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(
                new EntropySourceUpcaster(), AddedFieldUpcaster.panelRecord(), AddedFieldUpcaster.household());
    }
}
