package org.conventionledger.query.pages;

import jakarta.servlet.DispatcherType;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.conventionledger.platform.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may open which page. The pages have their own chain, ordered before the JSON API's: a session
 * cookie, CSRF protection on every form, a login form over the local accounts (or the city's OIDC
 * provider with the authorization code flow under {@code oidc}) and logout. The roles are the API's:
 * the dashboard for organisers, garants and the monitoring body, the garants' console for garants,
 * the results of a closed votation, the follow-up summary and the referral form for anyone. The write
 * flows (desk tallies for organisers, the referral steps, seals and countersignatures for garants, a referral
 * sent by a resident or an organiser) are refused here to any other role, before the command-service decides
 * again; a referral sent without an account goes as the public, which the command-service rate-limits.
 */
@Configuration
public class PagesSecurity {

    /** The paths the pages own; everything else stays with the API's chain. */
    public static final String[] PATHS = {
        "/",
        "/votations/**",
        "/conventions/**",
        "/audit",
        "/audit/**",
        "/followup/**",
        "/api-docs",
        "/referrals",
        "/referrals/**",
        "/login",
        "/logout",
        "/denied",
        "/pages/**",
        "/oauth2/**",
        "/login/oauth2/**"
    };

    private static final String[] STAFF = {Role.ORGANISER.name(), Role.GARANT.name(), Role.MONITOR.name()};

    @Bean
    @Order(1)
    SecurityFilterChain pages(
            HttpSecurity http,
            @Value("${ledger.security.mode:local}") String mode,
            @Value("${ledger.security.roles-claim:roles}") String rolesClaim)
            throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(auth -> auth.dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                        .permitAll()
                        .requestMatchers(
                                "/", "/api-docs", "/login", "/denied", "/pages/**", "/oauth2/**", "/login/oauth2/**")
                        .permitAll()
                        // the write flows: each relayed to the command-service as the signed-in person, which
                        // decides again (CommandRelay); refused here first so that no other role gets that far
                        .requestMatchers(HttpMethod.GET, "/votations/*/desks")
                        .hasAnyRole(STAFF)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/votations/*/desks",
                                "/votations/*/desks/*/confirmation",
                                "/votations/*/desks/*/corrections")
                        .hasRole(Role.ORGANISER.name())
                        .requestMatchers(
                                HttpMethod.POST,
                                "/audit/referrals/*/acknowledgement",
                                "/audit/referrals/*/investigations",
                                "/audit/referrals/*/answer",
                                "/audit/seals",
                                "/audit/tree-heads",
                                "/audit/tree-heads/*/countersignatures",
                                "/audit/seals/*/countersignatures")
                        .hasRole(Role.GARANT.name())
                        // anyone refers a matter without an account (relayed as the public), or signed in as a
                        // resident or an organiser; other roles are refused here as they are by the API
                        .requestMatchers(HttpMethod.GET, "/referrals/new")
                        .permitAll()
                        .requestMatchers(HttpMethod.GET, "/referrals/new/signin")
                        .authenticated()
                        .requestMatchers(HttpMethod.POST, "/referrals")
                        .access(AuthorizationManagers.anyOf(
                                AuthenticatedAuthorizationManager.anonymous(),
                                AuthorityAuthorizationManager.hasAnyRole(Role.VOTER.name(), Role.ORGANISER.name())))
                        // the controller applies the votation's own visibility rule, as the API does
                        .requestMatchers(HttpMethod.GET, "/votations/**")
                        .permitAll()
                        // the public summary for anyone, the full follow-up for staff (decided by the page)
                        .requestMatchers(HttpMethod.GET, "/followup/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/conventions/*/projections/*/rebuild")
                        .hasRole(Role.ORGANISER.name())
                        .requestMatchers(HttpMethod.GET, "/conventions/**")
                        .hasAnyRole(STAFF)
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit/**")
                        .hasRole(Role.GARANT.name())
                        .anyRequest()
                        .denyAll())
                .exceptionHandling(e -> e.accessDeniedPage("/denied"))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/?loggedOut"));
        if ("oidc".equals(mode)) {
            http.oauth2Login(
                    o -> o.loginPage("/login").userInfoEndpoint(u -> u.userAuthoritiesMapper(oidcRoles(rolesClaim))));
        } else {
            http.formLogin(f -> f.loginPage("/login").failureUrl("/login?error"));
        }
        return http.build();
    }

    /** Under {@code oidc} the roles come from the same claim of the ID token as the API reads from access tokens. */
    private static GrantedAuthoritiesMapper oidcRoles(String claim) {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>();
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    Collection<String> roles = oidc.getIdToken().getClaimAsStringList(claim);
                    for (String role : roles == null ? List.<String>of() : roles) {
                        mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
                    }
                }
            }
            return mapped;
        };
    }
}
