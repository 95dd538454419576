package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.Test;

/** Roles are matched by exact name: an identity provider's role that merely contains a role's name is another role. */
class ActorTest {

    @Test
    void aRoleWhoseNameContainsPlatformIsNotThePlatform() {
        assertThat(new Actor("mallory", "NOT_PLATFORM,VOTER").hasRole(Role.PLATFORM))
                .isFalse();
        assertThat(new Actor("mallory", "PLATFORM_X").hasRole(Role.PLATFORM)).isFalse();
        assertThat(new Actor("mallory", "VOTER,XPLATFORM").hasRole(Role.PLATFORM))
                .isFalse();
        assertThat(new Actor("mallory", "NOT_PLATFORM,VOTER").hasRole(Role.VOTER))
                .isTrue();
    }

    @Test
    void thePlatformAmongSeveralRolesIsThePlatform() {
        assertThat(new Actor("platform", "PLATFORM").hasRole(Role.PLATFORM)).isTrue();
        assertThat(new Actor("platform", "GARANT,PLATFORM").hasRole(Role.PLATFORM))
                .isTrue();
    }
}
