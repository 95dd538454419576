package org.conventionledger.query.votation;

import org.conventionledger.platform.identity.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who calls the ranking controller in a test without HTTP: the security context as the filters would set it. */
final class Caller {

    private Caller() {}

    static void signedInAs(Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        role.name().toLowerCase(), null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    static void anonymous() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }
}
