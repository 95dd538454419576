package org.conventionledger.command.platform;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.conventionledger.platform.identity.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is doing something: the authenticated caller and the role under which they act (several roles,
 * comma-separated, when an identity provider grants more than one). Every event's metadata carries it
 * ({@value #ACTOR_ID}, {@value #ACTOR_ROLE}), except that a vote's events carry the channel it came
 * through instead ({@link SecretVote}): {@link #VOTER_SIGNING_IN}, {@link #PLATFORM} or {@link #desk}.
 */
public record Actor(String id, String role) {

    public static final String ACTOR_ID = "actorId";
    public static final String ACTOR_ROLE = "actorRole";

    /** The channel of every voter who signs in themselves: one id for all of them. */
    public static final Actor VOTER_SIGNING_IN = new Actor("voter-signing-in", Role.VOTER.name());
    /** The channel of the voting (or consultation) platform relaying residents. */
    public static final Actor PLATFORM = new Actor("platform", Role.PLATFORM.name());

    /**
     * Whoever sends an {@link OpenToThePublic} command without an account: one id and one role for all of them,
     * so the log says a member of the public acted, and when, without an address or anything else about them.
     */
    public static final Actor PUBLIC = new Actor("public", "PUBLIC");

    /** The channel of a collection desk, staffed by organisers. */
    public static Actor desk(String deskId) {
        return new Actor("desk:" + deskId, Role.ORGANISER.name());
    }

    /** Whether the current request comes without any account (Spring's anonymous caller, or none). */
    public static boolean anonymous() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken || !auth.isAuthenticated();
    }

    /** The caller of the current request; only {@link OpenToThePublic} commands run without one ({@link #PUBLIC}). */
    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (anonymous()) {
            throw new IllegalStateException("A command was sent without an authenticated caller");
        }
        String role = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .sorted()
                .collect(Collectors.joining(","));
        if (role.isEmpty()) {
            // the caller's name stays out of the message: it may reach the log
            throw new IllegalStateException("A command was sent by a caller without a role");
        }
        return new Actor(auth.getName(), role);
    }

    /** Whether the caller acts under exactly this role (among the ones they hold). */
    public boolean hasRole(Role wanted) {
        return Arrays.asList(role.split(",")).contains(wanted.name());
    }

    public Map<String, String> asMetaData() {
        return Map.of(ACTOR_ID, id, ACTOR_ROLE, role);
    }
}
