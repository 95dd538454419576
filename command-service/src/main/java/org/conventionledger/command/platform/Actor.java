package org.conventionledger.command.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.conventionledger.events.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is doing something: the authenticated caller and the role under which they act (several roles, comma-separated, when an identity provider grants more than one). Every event's
 * metadata carries it ({@value #ACTOR_ID}, {@value #ACTOR_ROLE}).
 */
public record Actor(String id, String role) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";

    /** The caller of the current request; commands never run anonymously. */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("A command was sent without an authenticated caller");
        }
        String role = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
        if (role.isEmpty()) {
            throw new IllegalStateException("The caller " + auth.getName() + " has no role");
        }
        return new Actor(auth.getName(), role);
    }

    /** Whether {@code role} is one of the caller's roles, by exact name (never a part of another's name). */
    public boolean hasRole(Role role) {
        return Arrays.asList(this.role.split(",")).contains(role.name());
    }

    public Map<String, String> asMetaData() {
        return Map.of(ACTOR_ID, id, ACTOR_ROLE, role);
    }
}
