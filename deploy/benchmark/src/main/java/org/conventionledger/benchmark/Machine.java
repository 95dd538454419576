package org.conventionledger.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the figures were measured on: CPU, memory, OS, Java, the disk under the data directory and how
 * many synchronous 4 KiB writes per second it takes (what a durable commit costs at best).
 */
final class Machine {

    private Machine() {}

    static Map<String, Object> describe(Path dataDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> cpuinfo = lines(Path.of("/proc/cpuinfo"));
        m.put(
                "cpuModel",
                cpuinfo.stream()
                        .filter(l -> l.startsWith("model name"))
                        .map(Machine::value)
                        .findFirst()
                        .orElse(System.getProperty("os.arch")));
        m.put("cpus", Runtime.getRuntime().availableProcessors());
        m.put(
                "cpuMHz",
                cpuinfo.stream()
                        .filter(l -> l.startsWith("cpu MHz"))
                        .map(Machine::value)
                        .findFirst()
                        .orElse("?"));
        m.put("virtualised", cpuinfo.stream().anyMatch(l -> l.startsWith("flags") && l.contains(" hypervisor")));
        long memKb = lines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst()
                .orElse(0L);
        m.put("memoryGiB", Math.round(memKb / 1024.0 / 1024.0 * 10) / 10.0);
        m.put(
                "os",
                lines(Path.of("/etc/os-release")).stream()
                                .filter(l -> l.startsWith("PRETTY_NAME="))
                                .map(l -> l.substring(12).replace("\"", ""))
                                .findFirst()
                                .orElse(System.getProperty("os.name"))
                        + ", kernel " + System.getProperty("os.version"));
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.putAll(disk(dataDir));
        return m;
    }

    /** The mount holding the data directory: device, file system, rotational or not, and an fsync probe. */
    private static Map<String, Object> disk(Path dataDir) {
        Map<String, Object> d = new LinkedHashMap<>();
        Path dir = dataDir.toAbsolutePath().normalize();
        String bestMount = "";
        String device = "?";
        String fs = "?";
        for (String line : lines(Path.of("/proc/mounts"))) {
            String[] f = line.split(" ");
            if (f.length >= 3 && dir.toString().startsWith(f[1]) && f[1].length() > bestMount.length()) {
                bestMount = f[1];
                device = f[0];
                fs = f[2];
            }
        }
        String rotational = "?";
        String name = Path.of(device).getFileName() == null
                ? ""
                : Path.of(device).getFileName().toString();
        for (String candidate : new String[] {name, name.replaceAll("p?\\d+$", "")}) {
            List<String> r = lines(Path.of("/sys/block/" + candidate + "/queue/rotational"));
            if (!r.isEmpty()) {
                rotational = "1".equals(r.get(0).trim()) ? "rotational" : "non-rotational";
                break;
            }
        }
        d.put("disk", device + " " + fs + " on " + bestMount + " (" + rotational + ")");
        d.putAll(fsyncProbe(dir));
        return d;
    }

    /** 300 appends of 4 KiB, each followed by fdatasync: what one durable commit costs at least. */
    private static Map<String, Object> fsyncProbe(Path dir) {
        Map<String, Object> p = new LinkedHashMap<>();
        Path file = dir.resolve("fsync-probe.bin");
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            int n = 300;
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                block.clear();
                channel.write(block);
                channel.force(false);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            p.put("fsyncPerSecond", Math.round(n / seconds));
            p.put("fsyncMillis", Math.round(seconds / n * 1000 * 1000) / 1000.0);
        } catch (IOException e) {
            p.put("fsyncPerSecond", "unknown (" + e.getMessage() + ")");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a probe file left behind in a temporary directory
            }
        }
        return p;
    }

    /** Whole-machine CPU counters from /proc/stat: {busy, iowait, total} jiffies. */
    static long[] cpuCounters() {
        for (String line : lines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] f = line.trim().split("\\s+");
                long user = Long.parseLong(f[1]);
                long nice = Long.parseLong(f[2]);
                long system = Long.parseLong(f[3]);
                long idle = Long.parseLong(f[4]);
                long iowait = Long.parseLong(f[5]);
                long irq = Long.parseLong(f[6]);
                long softirq = Long.parseLong(f[7]);
                long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
                long busy = user + nice + system + irq + softirq + steal;
                return new long[] {busy, iowait, busy + idle + iowait};
            }
        }
        return new long[] {0, 0, 0};
    }

    private static String value(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
