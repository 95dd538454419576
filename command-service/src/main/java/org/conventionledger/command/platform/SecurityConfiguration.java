package org.conventionledger.command.platform;

import org.conventionledger.platform.ApiSecurity;
import org.conventionledger.platform.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may write what: every write needs an authenticated caller with one of the roles named here, except a
 * citizen's referral to the garants, which needs no account. The
 * identities (local accounts or the city's JWTs), health and the operations endpoints are
 * {@link ApiSecurity}'s, shared with the query service.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.chain(
                http,
                auth -> auth.requestMatchers(HttpMethod.POST, "/api/votations/*/ballots")
                        .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                        // the benchmark's HTTP ceiling, when enabled: the same callers as a ballot (else 404)
                        .requestMatchers(HttpMethod.POST, "/api/votations/*/ballots:http-ceiling")
                        .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                        // relayed batches: the voting platform's online ballots, a desk's paper ones
                        .requestMatchers(HttpMethod.POST, "/api/votations/*/ballots:batch")
                        .hasAnyRole(Role.PLATFORM.name(), Role.ORGANISER.name())
                        // the order a voter is shown the actions in: the voter, or the platform naming them
                        .requestMatchers(HttpMethod.GET, "/api/votations/*/ballot-order")
                        .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                        // consultation: a resident acts as themselves, the platform relays residents
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/consultation/calls/*/proposals",
                                "/api/consultation/calls/*/proposals/*/votes",
                                "/api/consultation/calls/*/proposals/*/arguments")
                        .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                        .requestMatchers(HttpMethod.POST, "/api/seals/*/countersignatures")
                        .hasRole(Role.GARANT.name())
                        // garants register and revoke their own keys and countersign heads with them
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/garant-keys",
                                "/api/garant-keys/*/revocation",
                                "/api/tree-heads/*/countersignatures")
                        .hasRole(Role.GARANT.name())
                        .requestMatchers(HttpMethod.POST, "/api/tree-heads")
                        .hasAnyRole(Role.GARANT.name(), Role.ORGANISER.name())
                        .requestMatchers(HttpMethod.POST, "/api/seals")
                        .hasAnyRole(Role.GARANT.name(), Role.ORGANISER.name())
                        // any citizen refers a matter, with no account at all (acting as Actor.PUBLIC, rate-limited)
                        // or as a resident; an organiser records one sent by letter; other roles act as such
                        .requestMatchers(HttpMethod.POST, "/api/conventions/*/referrals")
                        .access(AuthorizationManagers.anyOf(
                                AuthenticatedAuthorizationManager.anonymous(),
                                AuthorityAuthorizationManager.hasAnyRole(Role.VOTER.name(), Role.ORGANISER.name())))
                        .requestMatchers(HttpMethod.POST, "/api/referrals/**", "/api/conventions/*/garant-opinions")
                        .hasRole(Role.GARANT.name())
                        .requestMatchers(HttpMethod.GET, "/api/referrals/*/contact")
                        .hasRole(Role.GARANT.name())
                        // a lottery's panels, named by the hash in the log: public to garants (ADR-010)
                        .requestMatchers(HttpMethod.GET, "/api/lottery-records/*")
                        .hasAnyRole(Role.GARANT.name(), Role.ORGANISER.name())
                        .requestMatchers("/api/**")
                        .hasRole(Role.ORGANISER.name()));
    }

    /**
     * No observation (timer, span) around each security filter, authentication and authorisation: the
     * profile of the ballot path showed them costing as much as the checks themselves (docs/performance.md),
     * and the HTTP metrics already time every request with its status.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
