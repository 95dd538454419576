package org.conventionledger.events.recruitment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads one revision of an event as the next, where the next only added a field that the older events
 * lack: the field is read as null. The stored bytes are never rewritten, so old logs keep their hashes.
 */
public class AddedFieldUpcaster extends SingleEventUpcaster {

    private final String type;
    private final String from;
    private final String to;
    private final String field;

    public AddedFieldUpcaster(Class<?> type, String from, String to, String field) {
        this.type = type.getName();
        this.from = from;
        this.to = to;
        this.field = field;
    }

    /** {@link PanelLotteryComputed} revision 1, panels inline, as revision 2 without a panel record. */
    public static AddedFieldUpcaster panelRecord() {
        return new AddedFieldUpcaster(PanelLotteryComputed.class, "1", "2", "panelRecord");
    }

    /** {@link VolunteerRegistered} revision 1 as revision 2 without a household. */
    public static AddedFieldUpcaster household() {
        return new AddedFieldUpcaster(VolunteerRegistered.class, "1", "2", "household");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return type.equals(representation.getType().getName())
                && from.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(type, to), JsonNode.class, payload -> {
            if (payload instanceof ObjectNode object && !object.has(field)) {
                object.putNull(field);
            }
            return payload;
        });
    }
}
