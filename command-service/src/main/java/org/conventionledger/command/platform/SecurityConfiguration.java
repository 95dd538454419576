package org.conventionledger.command.platform;

import org.conventionledger.events.identity.Role;
import org.conventionledger.platform.ApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may write what: every write needs an authenticated caller with one of the roles named here. The
 * identities (local accounts or the city's JWTs), health and the operations endpoints are
 * {@link ApiSecurity}'s, shared with the query service.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.chain(http, auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/votations/*/ballots")
                .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                // the order a voter is shown the actions in: the voter, or the platform naming them
                .requestMatchers(HttpMethod.GET, "/api/votations/*/ballot-order")
                .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                // consultation: a resident acts as themselves, the platform relays residents
                .requestMatchers(HttpMethod.POST, "/api/consultation/calls/*/proposals",
                        "/api/consultation/calls/*/proposals/*/votes",
                        "/api/consultation/calls/*/proposals/*/arguments")
                .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                .requestMatchers(HttpMethod.POST, "/api/seals/*/countersignatures").hasRole(Role.GARANT.name())
                // garants register and revoke their own keys and countersign heads with them
                .requestMatchers(HttpMethod.POST, "/api/garant-keys", "/api/garant-keys/*/revocation",
                        "/api/tree-heads/*/countersignatures").hasRole(Role.GARANT.name())
                .requestMatchers(HttpMethod.POST, "/api/tree-heads")
                .hasAnyRole(Role.GARANT.name(), Role.ORGANISER.name())
                .requestMatchers(HttpMethod.POST, "/api/seals").hasAnyRole(Role.GARANT.name(), Role.ORGANISER.name())
                // a resident refers a matter themselves; an organiser records one sent by letter
                .requestMatchers(HttpMethod.POST, "/api/conventions/*/referrals")
                .hasAnyRole(Role.VOTER.name(), Role.ORGANISER.name())
                .requestMatchers(HttpMethod.POST, "/api/referrals/**", "/api/conventions/*/garant-opinions")
                .hasRole(Role.GARANT.name())
                .requestMatchers("/api/**").hasRole(Role.ORGANISER.name()));
    }
}
