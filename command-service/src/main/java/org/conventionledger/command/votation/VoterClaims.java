package org.conventionledger.command.votation;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.conventionledger.command.platform.RuleViolation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * What the city's identity provider attests about a voter signing in themselves, read from their token's
 * claims: their reference ({@link #reference()}), the birth date (OIDC's standard {@code birthdate},
 * {@code YYYY-MM-DD}), residence in the city and nationalities (claim names configurable). A voter cannot
 * state these facts in the request, and local accounts (HTTP Basic) attest none.
 */
@Component
public class VoterClaims {

    private final String voterRefClaim;
    private final String birthDateClaim;
    private final String residentClaim;
    private final String nationalitiesClaim;

    public VoterClaims(
            @Value("${ledger.votation.claims.voter-ref:sub}") String voterRefClaim,
            @Value("${ledger.votation.claims.birthdate:birthdate}") String birthDateClaim,
            @Value("${ledger.votation.claims.resident:resident}") String residentClaim,
            @Value("${ledger.votation.claims.nationalities:nationalities}") String nationalitiesClaim) {
        this.voterRefClaim = voterRefClaim;
        this.birthDateClaim = birthDateClaim;
        this.residentClaim = residentClaim;
        this.nationalitiesClaim = nationalitiesClaim;
    }

    /**
     * The canonical reference of the voter signing in: their token's {@code voter-ref} claim ({@code sub}
     * unless configured, e.g. a claim holding their number in the register of eligible voters), or the
     * local account's name without a token.
     *
     * @throws RuleViolation 422 {@code voter-ref-required} when the
     *         token lacks the claim
     */
    public VoterReference reference() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            return VoterReference.of(auth.getName());
        }
        String claim = token.getToken().getClaimAsString(voterRefClaim);
        if (claim == null || claim.isBlank()) {
            throw RuleViolation.unprocessable(
                    "voter-ref-required",
                    "The identity token carries no '" + voterRefClaim + "' claim: the voter's reference.");
        }
        return VoterReference.of(claim);
    }

    /** The current caller's attested facts; {@link VoterFacts#NONE} without a token. */
    public VoterFacts current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof JwtAuthenticationToken token)) {
            return VoterFacts.NONE;
        }
        Jwt jwt = token.getToken();
        return new VoterFacts(
                birthDate(jwt.getClaimAsString(birthDateClaim)),
                null,
                resident(jwt.getClaim(residentClaim)),
                jwt.hasClaim(nationalitiesClaim) ? jwt.getClaimAsStringList(nationalitiesClaim) : null);
    }

    private static LocalDate birthDate(String claim) {
        if (claim == null) {
            return null;
        }
        try {
            return LocalDate.parse(claim);
        } catch (DateTimeParseException partialOrMalformed) {
            return null; // OIDC allows "0000-MM-DD" or a year alone: not enough for an age condition
        }
    }

    private static Boolean resident(Object claim) {
        if (claim instanceof Boolean b) {
            return b;
        }
        return claim instanceof String s && !s.isBlank() ? Boolean.valueOf(s.trim()) : null;
    }
}
