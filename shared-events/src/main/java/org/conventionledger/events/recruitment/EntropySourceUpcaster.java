package org.conventionledger.events.recruitment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads the draw events logged before the public entropy source was committed (revision 1 of
 * {@link DrawPlanned} and {@link ResidentsDrawn}) as revision 2 with {@code publicEntropySource} null:
 * the stored bytes are never rewritten, so old logs keep their hashes and stay verifiable, and the
 * checks that need a committed source can tell an old draw from a new one.
 */
public class EntropySourceUpcaster extends SingleEventUpcaster {

    private static final Map<String, String> UPCAST = Map.of(
            DrawPlanned.class.getName(), "1",
            ResidentsDrawn.class.getName(), "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        return UPCAST.containsKey(type)
                && UPCAST.get(type).equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(representation.getType().getName(), "2"), JsonNode.class, payload -> {
                    if (payload instanceof ObjectNode object && !object.has("publicEntropySource")) {
                        object.putNull("publicEntropySource");
                    }
                    return payload;
                });
    }
}
