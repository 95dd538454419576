package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

/** What the services leave on the host: owner-only data, and the embedded database reachable from this host only. */
final class DeploymentChecks {

    private DeploymentChecks() {}

    /**
     * The data directory and the stores in it (event store with the registers, vault, read store,
     * accounts) are readable by their owner only, as the services left them.
     */
    static void theDataIsOwnerOnly(LedgerServices services) throws IOException {
        Path data = services.dataDir;
        assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        for (String store : List.of("eventstore.mv.db", "vault.mv.db", "readstore.mv", "accounts.txt")) {
            assertThat(Files.getPosixFilePermissions(data.resolve(store)))
                    .as(store)
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * H2's automatic mixed mode serves the event store file over TCP to the second service. The address
     * it publishes in its lock file is the loopback one, and the port answers there only: a connection
     * to any other address of this host is refused.
     */
    static void theEmbeddedDatabaseListensOnLoopbackOnly(LedgerServices services) throws IOException {
        Properties lock = new Properties();
        try (Reader reader = Files.newBufferedReader(services.dataDir.resolve("eventstore.lock.db"))) {
            lock.load(reader);
        }
        String server = lock.getProperty("server");
        assertThat(server).as("the event store is served in mixed mode").isNotNull();
        String host = server.substring(0, server.lastIndexOf(':'));
        int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
        assertThat(InetAddress.getByName(host).isLoopbackAddress()).as(server).isTrue();
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
        }
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (address.isLoopbackAddress()) {
                    continue;
                }
                assertThatThrownBy(() -> {
                            try (Socket other = new Socket()) {
                                other.connect(new InetSocketAddress(address, port), 2_000);
                            }
                        })
                        .as("port %d on %s", port, address)
                        .isInstanceOf(IOException.class);
            }
        }
    }
}
