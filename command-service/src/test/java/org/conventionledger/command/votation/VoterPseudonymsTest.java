package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyed pseudonym: HMAC-SHA256 over (votation, 0, canonical reference), the same on every thread. */
class VoterPseudonymsTest {

    @TempDir
    Path dir;

    @Test
    void isTheHmacOfVotationAndCanonicalReferenceOnEveryThreadAndEveryCall() throws Exception {
        Path keyFile = dir.resolve("voter-pseudonym.key");
        VoterPseudonyms pseudonyms = new VoterPseudonyms(keyFile);
        Mac reference = Mac.getInstance("HmacSHA256");
        reference.init(new SecretKeySpec(Files.readAllBytes(keyFile), "HmacSHA256"));
        reference.update("vot-1".getBytes(StandardCharsets.UTF_8));
        reference.update((byte) 0);
        String expected = HexFormat.of().formatHex(reference.doFinal("alice martin".getBytes(StandardCharsets.UTF_8)));

        Set<String> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 400; i++) {
            int n = i;
            pool.submit(() -> {
                // other pseudonyms in between: a MAC reused by a thread must start afresh each time
                pseudonyms.pseudonym("vot-" + n, VoterReference.of("someone " + n));
                seen.add(pseudonyms.pseudonym("vot-1", VoterReference.of(" Alice  MARTIN")));
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).containsExactly(expected);
        assertThat(new VoterPseudonyms(keyFile).pseudonym("vot-1", VoterReference.of("alice martin")))
                .as("the same key from the file")
                .isEqualTo(expected);
        assertThat(List.of(
                        pseudonyms.pseudonym("vot-2", VoterReference.of("alice martin")),
                        pseudonyms.pseudonym("vot-1", VoterReference.of("alice martine"))))
                .doesNotContain(expected);
    }
}
