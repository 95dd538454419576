package org.conventionledger.command.platform;

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
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every write needs an authenticated caller with a role; health is public, every other operations
 * endpoint (metrics included) is for the {@link Role#OPERATOR} role. In production the city's identity
 * provider issues JWTs ({@code oidc} profile, roles read from a claim); the embedded default uses the
 * local accounts of {@link LocalAccounts} over HTTP Basic.
 */
@Configuration
public class SecurityConfiguration {

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
                        .requestMatchers(HttpMethod.POST, "/api/votations/*/ballots")
                        .hasAnyRole(Role.VOTER.name(), Role.PLATFORM.name())
                        // relayed batches: the voting platform's online ballots, a desk's paper ones
                        .requestMatchers(HttpMethod.POST, "/api/votations/*/ballots:batch")
                        .hasAnyRole(Role.PLATFORM.name(), Role.ORGANISER.name())
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
                        .requestMatchers("/api/**").hasRole(Role.ORGANISER.name())
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

    /**
     * No observation (timer, span) around each security filter, authentication and authorisation: the
     * profile of the ballot path showed them costing as much as the checks themselves (docs/performance.md),
     * and the HTTP metrics already time every request with its status.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    UserDetailsService localAccounts(@Value("${ledger.data-dir}") Path dataDir) throws IOException {
        List<org.springframework.security.core.userdetails.UserDetails> users = LocalAccounts
                .loadOrCreate(dataDir.resolve("accounts.txt")).stream()
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

    /** Maps the identity provider's role claim (e.g. {@code "roles": ["ORGANISER"]}) to authorities. */
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
            write(json, response, Problems.problem(401, "unauthenticated",
                    "This endpoint needs an authenticated caller."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> write(json, response, Problems.problem(403, "forbidden",
                "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."));
    }

    private static void write(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
                              ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /**
     * The local passwords are 144-bit random secrets, so a slow password hash (bcrypt) buys nothing
     * against guessing and would cost ~50 ms on every request; an unsalted SHA-256 with a
     * constant-time comparison is enough for secrets of that entropy.
     */
    enum Sha256 implements PasswordEncoder {
        INSTANCE;

        @Override
        public String encode(CharSequence raw) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256")
                        .digest(raw.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash);
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
