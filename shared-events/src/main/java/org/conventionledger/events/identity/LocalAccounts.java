package org.conventionledger.events.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The embedded default's accounts: one per role, with random passwords generated at first start into
 * {@code accounts.txt} ({@code role username password} per line, readable by its owner only). No
 * password lives in code or configuration. Both services read the same file; whichever starts first
 * writes it, atomically.
 */
public final class LocalAccounts {

    public record Account(Role role, String username, String password) {
    }

    private LocalAccounts() {
    }

    /** Reads the accounts file, creating it first if it does not exist yet. */
    public static List<Account> loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return read(file);
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SecureRandom random = new SecureRandom();
        StringBuilder content = new StringBuilder();
        for (Role role : Role.values()) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
            content.append(role).append(' ').append(role.name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(password).append('\n');
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "accounts", ".tmp");
        try {
            restrictToOwner(temp);
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            // A hard link appears atomically and never replaces a file the other service just wrote.
            Files.createLink(file, temp);
            // Printed once, at creation: afterwards the file is the only place the passwords are.
            System.out.println("Local accounts created in " + file.toAbsolutePath() + " (role username password):");
            System.out.print(content);
        } catch (FileAlreadyExistsException otherServiceWasFaster) {
            // its file is read below
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
        }
    }

    private static List<Account> read(Path file) throws IOException {
        List<Account> accounts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 3) {
                accounts.add(new Account(Role.valueOf(parts[0]), parts[1], parts[2]));
            }
        }
        return accounts;
    }
}
