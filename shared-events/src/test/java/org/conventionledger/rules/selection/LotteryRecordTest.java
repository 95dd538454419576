package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.zip.DeflaterOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The compact record of a lottery's panels (ADR-010): exact round trip, and malformed records refused. */
class LotteryRecordTest {

    /** Any panels of any pool come back bit for bit: members, order and probabilities. */
    @Property(tries = 200)
    void panelsComeBackExactly(
            @ForAll @IntRange(min = 1, max = 3_000) int poolSize,
            @ForAll @IntRange(min = 0, max = 40) int panelCount,
            @ForAll long seed) {
        Random random = new Random(seed);
        int panelSize = 1 + random.nextInt(Math.min(poolSize, 150));
        List<PanelLottery.Panel> panels = new ArrayList<>();
        for (int p = 0; p < panelCount; p++) {
            TreeSet<Integer> members = new TreeSet<>();
            while (members.size() < panelSize) {
                members.add(random.nextInt(poolSize));
            }
            panels.add(new PanelLottery.Panel(List.copyOf(members), random.nextDouble() / 3));
        }
        byte[] stored = LotteryRecord.encode(poolSize, panelSize, panels);

        LotteryRecord.Contents back = LotteryRecord.decode(stored);

        assertThat(back).isEqualTo(new LotteryRecord.Contents(poolSize, panelSize, panels));
        assertThat(LotteryRecord.sha256(stored)).hasSize(64).isEqualTo(LotteryRecord.sha256(stored.clone()));
    }

    /** The same lottery is the same bytes, hence the same name. */
    @Test
    void theEncodingIsDeterministic() {
        List<PanelLottery.Panel> panels =
                List.of(new PanelLottery.Panel(List.of(0, 3), 0.25), new PanelLottery.Panel(List.of(1, 2), 0.75));
        assertThat(LotteryRecord.encode(4, 2, panels)).isEqualTo(LotteryRecord.encode(4, 2, panels));
        assertThat(LotteryRecord.sha256(LotteryRecord.encode(4, 2, panels)))
                .isNotEqualTo(LotteryRecord.sha256(LotteryRecord.encode(5, 2, panels)));
    }

    @Test
    void panelsThatAreNotAscendingPoolIndicesOfThePanelSizeAreNotEncoded() {
        assertThatThrownBy(() -> LotteryRecord.encode(4, 2, List.of(new PanelLottery.Panel(List.of(2, 1), 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotteryRecord.encode(4, 2, List.of(new PanelLottery.Panel(List.of(1, 4), 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotteryRecord.encode(4, 2, List.of(new PanelLottery.Panel(List.of(1), 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedRecordsAreRefusedSayingWhy() {
        byte[] stored = LotteryRecord.encode(4, 2, List.of(new PanelLottery.Panel(List.of(0, 3), 1)));
        byte[] truncated = Arrays.copyOf(stored, stored.length - 3);
        assertThatThrownBy(() -> LotteryRecord.decode(truncated)).hasMessageContaining("truncated");
        assertThatThrownBy(() -> LotteryRecord.decode("not zlib".getBytes())).hasMessageContaining("not zlib");
        assertThatThrownBy(() -> LotteryRecord.decode(deflate(new byte[] {'X', 'Y', 'Z', '1', 4, 2, 1})))
                .hasMessageContaining("CLP1");
        // a member beyond the pool: pool of 4, panel (0, 0 + 1 + 9)
        byte[] beyond = {'C', 'L', 'P', '1', 4, 2, 1, 0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0, 0, 9};
        assertThatThrownBy(() -> LotteryRecord.decode(deflate(beyond))).hasMessageContaining("beyond the pool");
        byte[] trailing = {'C', 'L', 'P', '1', 4, 2, 1, 0x3F, (byte) 0xF0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 7};
        assertThatThrownBy(() -> LotteryRecord.decode(deflate(trailing))).hasMessageContaining("after the last");
    }

    /** A small record that inflates to more than the bound is refused before it fills the memory. */
    @Test
    void aRecordInflatingBeyondTheBoundIsRefused() {
        byte[] bomb = deflate(new byte[LotteryRecord.MAX_INFLATED + 1]);
        assertThat(bomb.length).isLessThan(200_000);
        assertThatThrownBy(() -> LotteryRecord.decode(bomb)).hasMessageContaining("inflates beyond");
    }

    private static byte[] deflate(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
            deflater.write(raw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
