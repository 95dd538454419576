package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.CONVENTION;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The {@code oidc} profile as deployed, with the real JWT decoder (a test key instead of the identity
 * provider's): a correctly signed token of the city's identity provider is refused unless its audience
 * names this service, so a token the city issued for another application cannot be replayed here. And
 * the data directory the service creates (event store, vault, registers) is owner-only.
 */
@SpringBootTest(properties = {"OIDC_ISSUER_URI=", "OIDC_AUDIENCE=convention-ledger"})
@ActiveProfiles("oidc")
@AutoConfigureMockMvc
@DirtiesContext
class DeploymentHygieneTest {

    private static final KeyPair KEYS = rsaKeys();

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void keyAndDataDir(DynamicPropertyRegistry registry) throws Exception {
        Path pem = dataDir.resolve("idp-public.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes())
                                .encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        registry.add("ledger.data-dir", () -> dataDir.resolve("data").toString());
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> "file:" + pem);
    }

    @Autowired
    MockMvc http;

    @Test
    void aTokenForThisServiceIsAccepted() throws Exception {
        openConvention(token(List.of("convention-ledger"))).andExpect(status().isCreated());
        openConvention(token(List.of("intranet", "convention-ledger"))).andExpect(status().isCreated());
    }

    @Test
    void aTokenForAnotherApplicationOrForNoneIsRefused() throws Exception {
        openConvention(token(List.of("intranet"))).andExpect(status().isUnauthorized());
        openConvention(token(List.of("convention-ledger-x"))).andExpect(status().isUnauthorized());
        openConvention(token(List.of())).andExpect(status().isUnauthorized());
    }

    @Test
    void theDataDirectoryAndEveryStoreInItAreOwnerOnly() throws Exception {
        openConvention(token(List.of("convention-ledger"))).andExpect(status().isCreated());
        Path data = dataDir.resolve("data");
        assertThat(data.resolve("eventstore.mv.db")).exists();
        assertThat(data.resolve("vault.mv.db")).exists();
        try (Stream<Path> all = Files.walk(data)) {
            all.forEach(path -> assertThat(permissions(path))
                    .as(path.toString())
                    .isEqualTo(PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwx------" : "rw-------")));
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private org.springframework.test.web.servlet.ResultActions openConvention(String token) throws Exception {
        return http.perform(post("/api/conventions")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(CONVENTION));
    }

    private static String token(List<String> audience) throws JOSEException {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("alice@city")
                .claim("roles", List.of("ORGANISER"))
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (!audience.isEmpty()) {
            claims.audience(audience);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
