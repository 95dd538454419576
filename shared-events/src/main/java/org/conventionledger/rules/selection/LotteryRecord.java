package org.conventionledger.rules.selection;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The panels of a {@link PanelLottery} as one compact record, named by its SHA-256 (ADR-010), so that
 * the event publishing the lottery carries the hash instead of thousands of panels.
 *
 * <p>Encoding {@value #ENCODING}: the bytes below, compressed with zlib (RFC 1950, deflate). All integers
 * are unsigned LEB128 varints, so a pool index below 128 takes one byte.
 * <pre>
 *   "CLP1"  poolSize  panelSize  panelCount
 *   then per panel, in the lottery's order:
 *     probability  8 bytes, the IEEE-754 double, big-endian (exact, no rounding)
 *     members      panelSize varints: the first pool index, then each next one's distance from the
 *                  one before minus 1 (members are ascending)
 * </pre>
 * The SHA-256 is taken over the stored (compressed) bytes: a verifier checks it before inflating
 * anything, and the hash names exactly what was stored. {@link #decode} accepts only what {@link #encode}
 * can produce: members ascending within the pool, the panel size on every panel, nothing after the last.
 */
public final class LotteryRecord {

    public static final String ENCODING = "panels-v1+zlib";
    /** A record inflating to more than this is refused (a 2,000-volunteer lottery needs a few MiB). */
    static final int MAX_INFLATED = 64 << 20;

    private static final byte[] MAGIC = {'C', 'L', 'P', '1'};

    /** A decoded record: the pool and panel sizes it was written for, and the panels in order. */
    public record Contents(int poolSize, int panelSize, List<PanelLottery.Panel> panels) {}

    private LotteryRecord() {}

    /** The stored bytes of {@code panels}, drawn from a pool of {@code poolSize}, {@code panelSize} seats each. */
    public static byte[] encode(int poolSize, int panelSize, List<PanelLottery.Panel> panels) {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(MAGIC);
        varint(raw, poolSize);
        varint(raw, panelSize);
        varint(raw, panels.size());
        for (PanelLottery.Panel panel : panels) {
            if (panel.members().size() != panelSize) {
                throw new IllegalArgumentException(
                        "A panel has " + panel.members().size() + " members, not " + panelSize);
            }
            raw.writeBytes(ByteBuffer.allocate(8)
                    .putLong(Double.doubleToLongBits(panel.probability()))
                    .array());
            int previous = -1;
            for (int member : panel.members()) {
                if (member <= previous || member >= poolSize) {
                    throw new IllegalArgumentException(
                            "Panel members must be ascending pool indices below " + poolSize);
                }
                varint(raw, member - previous - 1);
                previous = member;
            }
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(raw.toByteArray());
        deflater.finish();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        while (!deflater.finished()) {
            stored.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return stored.toByteArray();
    }

    /** Reads stored bytes back; {@link IllegalArgumentException} says what is wrong with a malformed record. */
    public static Contents decode(byte[] stored) {
        ByteBuffer in = ByteBuffer.wrap(inflate(stored));
        byte[] magic = new byte[MAGIC.length];
        if (in.remaining() < magic.length || !Arrays.equals(magic(in, magic), MAGIC)) {
            throw new IllegalArgumentException("not a " + ENCODING + " record (no CLP1 header)");
        }
        int poolSize = varint(in);
        int panelSize = varint(in);
        int count = varint(in);
        if (panelSize > poolSize || (long) count * (8 + panelSize) > in.remaining()) {
            throw new IllegalArgumentException("the header announces " + count + " panels of " + panelSize + " from "
                    + poolSize + ", more than the record holds");
        }
        List<PanelLottery.Panel> panels = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            double probability = Double.longBitsToDouble(need(in, 8).getLong());
            List<Integer> members = new ArrayList<>(panelSize);
            int member = -1;
            for (int s = 0; s < panelSize; s++) {
                member += 1 + varint(in);
                if (member >= poolSize || member < 0) {
                    throw new IllegalArgumentException(
                            "panel " + p + " seats pool index " + member + ", beyond the pool of " + poolSize);
                }
                members.add(member);
            }
            panels.add(new PanelLottery.Panel(members, probability));
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException(in.remaining() + " bytes after the last panel");
        }
        return new Contents(poolSize, panelSize, panels);
    }

    /** The lowercase hex SHA-256 of {@code stored}: the record's name. */
    public static String sha256(byte[] stored) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }

    private static byte[] inflate(byte[] stored) {
        Inflater inflater = new Inflater();
        inflater.setInput(stored);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the compressed record is truncated");
                }
                raw.write(buffer, 0, n);
                if (raw.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("the record inflates beyond " + MAX_INFLATED + " bytes");
                }
            }
            if (inflater.getRemaining() > 0) {
                throw new IllegalArgumentException("bytes after the compressed record");
            }
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the record is not zlib data: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return raw.toByteArray();
    }

    private static byte[] magic(ByteBuffer in, byte[] magic) {
        in.get(magic);
        return magic;
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        int v = value;
        while ((v & ~0x7F) != 0) {
            out.write((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write(v);
    }

    private static int varint(ByteBuffer in) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            byte b = need(in, 1).get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("a number in the record is out of range");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("a number in the record is too long");
    }

    private static ByteBuffer need(ByteBuffer in, int bytes) {
        if (in.remaining() < bytes) {
            throw new IllegalArgumentException("the record ends in the middle of a panel");
        }
        return in;
    }
}
