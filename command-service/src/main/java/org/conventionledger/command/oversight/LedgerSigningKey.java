package org.conventionledger.command.oversight;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.conventionledger.events.integrity.TreeHeads;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ledger's Ed25519 signing key, kept with the command side's other secrets: a file in the data
 * directory readable by the service's user only ({@code ledger.tree-heads.key-file}), beside the voter
 * pseudonym key — never in the event store nor in the read store. Created at the first start. The file
 * holds two Base64 lines: the private key (PKCS#8) and the public key (X.509).
 */
@Component
public class LedgerSigningKey {

    private final Path file;
    private volatile KeyPair keys;

    public LedgerSigningKey(@Value("${ledger.tree-heads.key-file}") Path file) throws IOException {
        this.file = file;
        this.keys = Files.exists(file) ? read(file) : create(file);
    }

    public KeyPair keys() {
        return keys;
    }

    public String publicKey() {
        return TreeHeads.encode(keys.getPublic());
    }

    /** A fresh key pair, not yet in use. */
    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no Ed25519", e);
        }
    }

    /** Makes {@code next} the key, once the log holds its hand-over. */
    synchronized void replaceWith(KeyPair next) throws IOException {
        write(file, next, true);
        keys = next;
    }

    private static KeyPair create(Path file) throws IOException {
        KeyPair created = generate();
        write(file, created, false);
        return read(file);
    }

    private static void write(Path file, KeyPair keys, boolean replace) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "ledger-key", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.writeString(
                    temp,
                    Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                            + '\n'
                            + TreeHeads.encode(keys.getPublic())
                            + '\n',
                    StandardCharsets.US_ASCII);
            if (replace) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                // a link fails if another instance created the key first: then both use theirs
                Files.createLink(file, temp);
            }
        } catch (java.nio.file.FileAlreadyExistsException anotherInstanceWasFaster) {
            // read back below
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static KeyPair read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        if (lines.size() < 2) {
            throw new IllegalStateException(file + " is not a ledger key file (private and public key lines)");
        }
        try {
            var privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new PKCS8EncodedKeySpec(
                            Base64.getDecoder().decode(lines.get(0).trim())));
            KeyPair pair = new KeyPair(TreeHeads.publicKey(lines.get(1).trim()), privateKey);
            String probe = "ledger key check";
            if (!TreeHeads.verifies(lines.get(1).trim(), probe, TreeHeads.sign(privateKey, probe))) {
                throw new IllegalStateException(file + ": the public key is not the private key's");
            }
            return pair;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(file + " does not hold an Ed25519 key pair", e);
        }
    }
}
