package org.conventionledger.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The identity wiring both services' APIs share; each service states only its own rules of who may do what.
 * In production the city's identity provider issues JWTs ({@code oidc} mode, roles read from a claim); the
 * embedded default uses the local accounts of {@link LocalAccounts} over HTTP Basic. Health and the OpenAPI
 * document are public, the other operations endpoints (metrics count events by type, live turnout while
 * results are hidden) are for {@link Role#OPERATOR}, and what no rule names is denied. Refusals are problems.
 * Each service imports it and builds its API's filter chain with {@link #chain}.
 */
@Configuration
public class ApiSecurity {

    /** A service's own rules, between the shared ones and the final deny. */
    public interface Rules
            extends Customizer<
                    AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {}

    private final ObjectMapper json;
    private final String mode;
    private final String rolesClaim;

    public ApiSecurity(
            ObjectMapper json,
            @Value("${ledger.security.mode:local}") String mode,
            @Value("${ledger.security.roles-claim:roles}") String rolesClaim) {
        this.json = json;
        this.mode = mode;
        this.rolesClaim = rolesClaim;
    }

    /** The API's filter chain: the shared rules, the service's, and identities in the configured mode. */
    public SecurityFilterChain chain(HttpSecurity http, Rules rules) throws Exception {
        // No session and no cookie: Spring's token-based CSRF protection has nothing to protect. Browsers that
        // hold Basic credentials are handled by RequestGuard, which refuses forged cross-site requests.
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    // "/error": where Tomcat forwards an unhandled failure, so a 500 stays a 500
                    auth.requestMatchers("/error", "/actuator/health/**", "/v3/api-docs/**")
                            .permitAll()
                            .requestMatchers("/actuator/**")
                            .hasRole(Role.OPERATOR.name());
                    rules.customize(auth);
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(
                        e -> e.authenticationEntryPoint(unauthorised(json)).accessDeniedHandler(forbidden(json)));
        if ("oidc".equals(mode)) {
            http.oauth2ResourceServer(o -> o.jwt(j -> j.jwtAuthenticationConverter(jwtRoles(rolesClaim))));
        } else {
            http.httpBasic(b -> b.authenticationEntryPoint(unauthorised(json)));
        }
        return http.build();
    }

    /** The local accounts of the data directory, created on first use. */
    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    UserDetailsService localAccounts(@Value("${ledger.data-dir}") Path dataDir) throws IOException {
        return new InMemoryUserDetailsManager(LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .map(a -> User.withUsername(a.username())
                        .password(Sha256.INSTANCE.encode(a.password()))
                        .roles(a.role().name())
                        .build())
                .toList());
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.security.mode", havingValue = "local", matchIfMissing = true)
    PasswordEncoder passwordEncoder() {
        return Sha256.INSTANCE;
    }

    /** Maps the identity provider's role claim (e.g. {@code "roles": ["ORGANISER"]}) to authorities. */
    private static Converter<Jwt, AbstractAuthenticationToken> jwtRoles(String claim) {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(claim);
            List<GrantedAuthority> authorities = (roles == null ? List.<String>of() : roles)
                    .stream()
                            .<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                            .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    private static AuthenticationEntryPoint unauthorised(ObjectMapper json) {
        return (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"convention-ledger\"");
            ProblemDetails.write(
                    json,
                    response,
                    ProblemDetails.problem(
                            HttpStatus.UNAUTHORIZED,
                            "unauthenticated",
                            "This endpoint needs an authenticated caller."));
        };
    }

    private static AccessDeniedHandler forbidden(ObjectMapper json) {
        return (request, response, e) -> ProblemDetails.write(
                json,
                response,
                ProblemDetails.problem(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Your role does not allow " + request.getMethod() + " " + request.getRequestURI() + "."));
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
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest(raw.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return MessageDigest.isEqual(
                    encode(raw).getBytes(StandardCharsets.UTF_8), encoded.getBytes(StandardCharsets.UTF_8));
        }
    }
}
