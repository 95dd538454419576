package org.conventionledger.command.votation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a voter's canonical reference ({@link VoterReference}: the same whether the voter signs in, is
 * relayed by the voting platform or is checked off at a desk) into the keyed pseudonym that the log
 * holds: HMAC-SHA256 over (votation, canonical reference) under a secret key kept outside the log.
 * Without the key nobody can link a ballot to a person, nor a voter's ballots across votations; with it,
 * the city can still check a given person's participation on request.
 */
@Component
public class VoterPseudonyms {

    /** One keyed MAC per thread: looking the algorithm up for each ballot was most of the pseudonym's cost. */
    private final ThreadLocal<Mac> macs;

    public VoterPseudonyms(@Value("${ledger.votation.pseudonym-key-file}") Path keyFile) throws IOException {
        SecretKeySpec key = new SecretKeySpec(loadOrCreate(keyFile), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The pseudonym of {@code voter} in a votation (or another scope, such as a consultation). */
    public String pseudonym(String votationId, VoterReference voter) {
        Mac mac = macs.get();
        // doFinal leaves the MAC reset, keyed, for the thread's next pseudonym
        mac.update(votationId.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(voter.canonical().getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] loadOrCreate(Path keyFile) throws IOException {
        if (Files.exists(keyFile)) {
            return Files.readAllBytes(keyFile);
        }
        Files.createDirectories(keyFile.toAbsolutePath().getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(keyFile.toAbsolutePath().getParent(), "pseudonym", ".tmp");
        try {
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            Files.write(temp, secret);
            Files.createLink(keyFile, temp);
        } catch (java.nio.file.FileAlreadyExistsException anotherInstanceWasFaster) {
            return Files.readAllBytes(keyFile);
        } finally {
            Files.deleteIfExists(temp);
        }
        return secret;
    }
}
