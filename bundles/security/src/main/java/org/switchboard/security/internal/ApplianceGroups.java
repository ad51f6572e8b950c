package org.switchboard.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.switchboard.api.security.Role;

/** The realm groups that give the appliance's roles, as shipped in {@code etc/users.properties}. */
final class ApplianceGroups {

    /** Each group with the realm roles it grants; the administrators' also open Karaf's own consoles. */
    private static final Map<Role, GroupSpec> GROUPS = Map.of(
            Role.ADMIN, new GroupSpec("admingroup", List.of("admin", "manager", "viewer", "systembolt", "ssh")),
            Role.SUPERVISOR, new GroupSpec("supervisorgroup", List.of("supervisor")),
            Role.AGENT, new GroupSpec("agentgroup", List.of("agent")));

    /** A group's name and the roles it grants. */
    private record GroupSpec(String name, List<String> roles) {
    }

    private ApplianceGroups() {
    }

    static String group(Role role) {
        return GROUPS.get(role).name();
    }

    /**
     * Defines any of the three groups that is missing, with its roles. Karaf's properties engine deletes a group
     * once its last member leaves it and would re-create it without roles when someone joins it again.
     */
    static void ensure(BackingEngine users) {
        Set<String> present = users.listGroups().keySet().stream().map(GroupPrincipal::getName)
                .collect(Collectors.toSet());
        for (GroupSpec spec : GROUPS.values()) {
            if (!present.contains(spec.name())) {
                users.createGroup(spec.name());
                spec.roles().forEach(role -> users.addGroupRole(spec.name(), role));
            }
        }
    }
}
