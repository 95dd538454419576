package org.conventionledger.query.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;

/** The accounts a test service created in its data directory, and how a client signs in with them. */
public final class TestAccounts {

    private TestAccounts() {}

    /** The account of {@code role} in {@code dataDir}'s accounts file. */
    public static LocalAccounts.Account account(Path dataDir, Role role) throws IOException {
        return LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .filter(a -> a.role() == role)
                .findFirst()
                .orElseThrow();
    }

    /** The {@code Authorization} header value for HTTP Basic as {@code role}'s account. */
    public static String basic(Path dataDir, Role role) throws IOException {
        LocalAccounts.Account account = account(dataDir, role);
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (account.username() + ":" + account.password()).getBytes(StandardCharsets.UTF_8));
    }
}
