package org.switchboard.security.internal;

import static org.junit.Assert.assertEquals;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.junit.Test;
import org.switchboard.api.security.Role;

public class JaasAuthenticatorTest {

    @Test
    public void mapsAdminRole() {
        assertEquals(EnumSet.of(Role.ADMIN), JaasAuthenticator.roles(Set.of(new RolePrincipal("admin"))));
    }

    @Test
    public void mapsSupervisorRole() {
        assertEquals(EnumSet.of(Role.SUPERVISOR), JaasAuthenticator.roles(Set.of(new RolePrincipal("supervisor"))));
    }

    @Test
    public void mapsAgentRole() {
        assertEquals(EnumSet.of(Role.AGENT), JaasAuthenticator.roles(Set.of(new RolePrincipal("agent"))));
    }

    @Test
    public void mapsEveryKnownRole() {
        Set<Principal> principals = Set.of(new RolePrincipal("admin"), new RolePrincipal("supervisor"),
                new RolePrincipal("agent"));

        assertEquals(EnumSet.allOf(Role.class), JaasAuthenticator.roles(principals));
    }

    @Test
    public void ignoresUnknownRoleNames() {
        Set<Principal> principals = Set.of(new RolePrincipal("manager"), new RolePrincipal("viewer"),
                new RolePrincipal("agent"));

        assertEquals(EnumSet.of(Role.AGENT), JaasAuthenticator.roles(principals));
    }

    @Test
    public void ignoresUserPrincipalNamedLikeRole() {
        assertEquals(EnumSet.noneOf(Role.class), JaasAuthenticator.roles(Set.of(new UserPrincipal("admin"))));
    }

    @Test
    public void ignoresGroupPrincipalNamedLikeRole() {
        assertEquals(EnumSet.noneOf(Role.class), JaasAuthenticator.roles(Set.of(new GroupPrincipal("admin"))));
    }

    @Test
    public void noPrincipalsGiveNoRoles() {
        assertEquals(EnumSet.noneOf(Role.class), JaasAuthenticator.roles(Set.of()));
    }
}
