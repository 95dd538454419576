package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The index stamped into stored metadata without parsing it: still a JSON object, with every member. */
class IndexStampingEventStorageEngineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode stamped(String metaData, long index) throws Exception {
        byte[] bytes = metaData == null ? null : metaData.getBytes(StandardCharsets.UTF_8);
        return JSON.readTree(IndexStampingEventStorageEngine.stamp(bytes, index));
    }

    @Test
    void addsTheIndexBesideTheStoredMembers() throws Exception {
        JsonNode metaData = stamped("{\"traceId\":\"t-1\",\"nested\":{\"a\":[1,{}]}}", 42);

        assertThat(metaData.path("traceId").asText()).isEqualTo("t-1");
        assertThat(metaData.path("nested").path("a").get(0).asInt()).isEqualTo(1);
        assertThat(metaData.path(IndexStampingEventStorageEngine.GLOBAL_INDEX).asLong())
                .isEqualTo(42);
        assertThat(metaData.size()).isEqualTo(3);
    }

    @Test
    void stampsEmptyAndMissingMetadata() throws Exception {
        assertThat(stamped("{}", 7)
                        .path(IndexStampingEventStorageEngine.GLOBAL_INDEX)
                        .asLong())
                .isEqualTo(7);
        assertThat(stamped(" { \n } \n", 8)
                        .path(IndexStampingEventStorageEngine.GLOBAL_INDEX)
                        .asLong())
                .isEqualTo(8);
        assertThat(stamped(null, 9)
                        .path(IndexStampingEventStorageEngine.GLOBAL_INDEX)
                        .asLong())
                .isEqualTo(9);
    }

    @Test
    void theStampedIndexWinsOverOneStoredUnderTheSameName() throws Exception {
        JsonNode metaData = stamped("{\"globalIndex\":1, \"x\":\"}\" }", 5);

        assertThat(metaData.path(IndexStampingEventStorageEngine.GLOBAL_INDEX).asLong())
                .isEqualTo(5);
        assertThat(metaData.path("x").asText()).isEqualTo("}");
    }
}
