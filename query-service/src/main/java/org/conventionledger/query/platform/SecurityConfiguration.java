package org.conventionledger.query.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.platform.identity.LocalAccounts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Who may read what. The garants' trail is for garants; dashboards for the organisers, garants and
 * monitoring body; a closed votation's ranking is public (its controller enforces the rest); health is
 * public, the other operations endpoints (metrics) are for {@link Role#OPERATOR}. Same
 * identity modes as the command service: local accounts (HTTP Basic) or the city's JWTs ({@code oidc}).
 */
@Configuration
public class SecurityConfiguration {

    /** What of the log's tree the monitoring body reads beside the garants. */
    static final String[] MONITORED_TREE = {"/api/audit/tree", "/api/audit/tree/heads", "/api/audit/tree/garant-keys",
        "/api/audit/tree/consistency"};

    private static final String[] STAFF = {Role.ORGANISER.name(), Role.GARANT.name(), Role.MONITOR.name()};

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json,
                            @Value("${ledger.security.mode:local}") String mode,
                            @Value("${ledger.security.roles-claim:roles}") String rolesClaim) throws Exception {
        // No session and no cookie: Spring's token-based CSRF protection has nothing to protect. Browsers that
        // hold Basic credentials are handled by RequestGuard, which refuses forged cross-site requests.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        // "/error": where Tomcat forwards an unhandled failure, so a 500 stays a 500
                        .requestMatchers("/error", "/actuator/health/**", "/v3/api-docs/**").permitAll()
                        // metrics count events by type (live turnout while results are hidden): operations only
                        .requestMatchers("/actuator/**").hasRole(Role.OPERATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/votations/*/ranking").permitAll()
                        // a call for proposals' results: visible proposals only (hidden ones are left out)
                        .requestMatchers(HttpMethod.GET, "/api/public/consultation/calls/*/results").permitAll()
                        // what the council did with the actions: counts, answers and statuses, no notes
                        .requestMatchers(HttpMethod.GET, "/api/public/conventions/*/follow-up-summary").permitAll()
                        // the seals taken at each session's end: the monitoring body checks them too
                        .requestMatchers(HttpMethod.GET, "/api/audit/seals/sessions")
                        .hasAnyRole(Role.GARANT.name(), Role.MONITOR.name())
                        // the tree's check, heads, garants' keys and consistency: the monitoring body checks them
                        // too; an inclusion proof carries the event itself, as the trail does: garants only
                        .requestMatchers(HttpMethod.GET, MONITORED_TREE)
                        .hasAnyRole(Role.GARANT.name(), Role.MONITOR.name())
                        .requestMatchers("/api/audit/**").hasRole(Role.GARANT.name())
                        .requestMatchers("/api/admin/**").hasRole(Role.ORGANISER.name())
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole(STAFF)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(unauthorised(json))
                        .accessDeniedHandler(forbidden(json)));
        if ("oidc".equals(mode)) {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtRoles(rolesClaim))));
        } else {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthorised(json)));
        }
        return http.build();
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    UserDetailsService localAccounts(@Value("${ledger.data-dir}") Path dataDir) throws IOException {
        List<UserDetails> users = LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .map(a -> User.withUsername(a.username())
                        .password(Sha256.INSTANCE.encode(a.password()))
                        .roles(a.role().name())
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    PasswordEncoder passwordEncoder() {
        return Sha256.INSTANCE;
    }

    private static Converter<Jwt, AbstractAuthenticationToken> jwtRoles(String claim) {
        return jwt -> {
            Collection<String> roles = jwt.getClaimAsStringList(claim) == null ? List.of() : jwt.getClaimAsStringList(claim);
            List<GrantedAuthority> authorities = roles.stream()
                    .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    private static AuthenticationEntryPoint unauthorised(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"convention-ledger\"");
            ProblemResponses.write(json, response, ProblemResponses.problem(HttpStatus.UNAUTHORIZED,
                    "unauthenticated", "This endpoint needs an authenticated caller."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> ProblemResponses.write(json, response, ProblemResponses.problem(
                HttpStatus.FORBIDDEN, "forbidden",
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."));
    }

    /** Local passwords are 144-bit random secrets: see the command service's note on this choice. */
    enum Sha256 implements PasswordEncoder {
        INSTANCE;

        @Override
        public String encode(CharSequence raw) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return MessageDigest.isEqual(encode(raw).getBytes(StandardCharsets.UTF_8),
                    encoded.getBytes(StandardCharsets.UTF_8));
        }
    }
}
