package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.conventionledger.platform.identity.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * Who calls the ranking controller in a test without HTTP (the security context as the filters would set it),
 * and how the controller refuses a call.
 */
final class Caller {

    private Caller() {}

    static void signedInAs(Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        role.name().toLowerCase(), null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
    }

    /** The call fails with {@code status} and a problem naming {@code value} under {@code property}. */
    static void assertRefused(ThrowingCallable call, HttpStatus status, String property, String value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode()).isEqualTo(status);
            assertThat(e.getBody().getProperties()).containsEntry(property, value);
        });
    }

    static void anonymous() {
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
    }
}
