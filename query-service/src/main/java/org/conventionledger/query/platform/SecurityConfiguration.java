package org.conventionledger.query.platform;

import org.conventionledger.platform.ApiSecurity;
import org.conventionledger.platform.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may read what. The garants' trail is for garants; dashboards for the organisers, garants and
 * monitoring body; a closed votation's ranking is public (its controller enforces the rest). The
 * identities (local accounts or the city's JWTs), health and the operations endpoints are
 * {@link ApiSecurity}'s, shared with the command service.
 */
@Configuration
public class SecurityConfiguration {

    /** What of the log's tree the monitoring body reads beside the garants. */
    static final String[] MONITORED_TREE = {
        "/api/audit/tree", "/api/audit/tree/heads", "/api/audit/tree/garant-keys", "/api/audit/tree/consistency"
    };

    private static final String[] STAFF = {Role.ORGANISER.name(), Role.GARANT.name(), Role.MONITOR.name()};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiSecurity security) throws Exception {
        return security.chain(
                http,
                auth -> auth.requestMatchers(HttpMethod.GET, "/api/votations/*/ranking")
                        .permitAll()
                        // a call for proposals' results: visible proposals only (hidden ones are left out)
                        .requestMatchers(HttpMethod.GET, "/api/public/consultation/calls/*/results")
                        .permitAll()
                        // what the council did with the actions: counts, answers and statuses, no notes
                        .requestMatchers(HttpMethod.GET, "/api/public/conventions/*/follow-up-summary")
                        .permitAll()
                        // the seals taken at each session's end: the monitoring body checks them too
                        .requestMatchers(HttpMethod.GET, "/api/audit/seals/sessions")
                        .hasAnyRole(Role.GARANT.name(), Role.MONITOR.name())
                        // the tree's check, heads, garants' keys and consistency: the monitoring body checks them
                        // too; an inclusion proof carries the event itself, as the trail does: garants only
                        .requestMatchers(HttpMethod.GET, MONITORED_TREE)
                        .hasAnyRole(Role.GARANT.name(), Role.MONITOR.name())
                        .requestMatchers("/api/audit/**")
                        .hasRole(Role.GARANT.name())
                        .requestMatchers("/api/admin/**")
                        .hasRole(Role.ORGANISER.name())
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(STAFF));
    }
}
