package org.conventionledger.platform.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The embedded default's accounts: one per role, named after it, plus {@code organiser2}, a second
 * organiser (a paper tally is entered by one organiser and confirmed by another), with random passwords
 * generated at first start into {@code accounts.txt} ({@code role username password} per line, readable
 * by its owner only). No password lives in code or configuration. Both services read the same file;
 * whichever starts first writes it, atomically. A file written before an account existed gets the
 * missing account appended, under a file lock.
 */
public final class LocalAccounts {

    public record Account(Role role, String username, String password) {}

    /** Accounts beyond the one per role, listed after those (so a role's first account stays its own name). */
    private static final List<String[]> EXTRA = List.<String[]>of(new String[] {Role.ORGANISER.name(), "organiser2"});

    private LocalAccounts() {}

    /** Reads the accounts file, creating it first if it does not exist yet. */
    public static List<Account> loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        List<Account> accounts = read(file);
        if (!missing(accounts).isEmpty()) {
            addMissing(file);
            accounts = read(file);
        }
        return accounts;
    }

    /** Every account the file should hold, as {@code role username}. */
    private static List<String[]> expected() {
        List<String[]> expected = new ArrayList<>();
        for (Role role : Role.values()) {
            expected.add(new String[] {role.name(), role.name().toLowerCase(Locale.ROOT)});
        }
        expected.addAll(EXTRA);
        return expected;
    }

    private static List<String[]> missing(List<Account> accounts) {
        return expected().stream()
                .filter(e -> accounts.stream().noneMatch(a -> a.username().equals(e[1])))
                .toList();
    }

    private static String line(String role, String username, SecureRandom random) {
        byte[] secret = new byte[18];
        random.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return role + ' ' + username + ' ' + password + '\n';
    }

    /** Appends the accounts an older file lacks; the lock keeps the other service from appending them twice. */
    private static synchronized void addMissing(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                FileLock lock = channel.lock()) {
            List<String[]> missing = missing(read(file));
            if (missing.isEmpty()) {
                return;
            }
            SecureRandom random = new SecureRandom();
            StringBuilder content = new StringBuilder();
            String existing = Files.readString(file, StandardCharsets.UTF_8);
            if (!existing.isEmpty() && !existing.endsWith("\n")) {
                content.append('\n');
            }
            for (String[] account : missing) {
                content.append(line(account[0], account[1], random));
            }
            channel.write(ByteBuffer.wrap(content.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            System.out.println("Local accounts added to " + file.toAbsolutePath() + " (role username password):");
            System.out.print(content.toString().stripLeading());
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SecureRandom random = new SecureRandom();
        StringBuilder content = new StringBuilder();
        for (String[] account : expected()) {
            content.append(line(account[0], account[1], random));
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
