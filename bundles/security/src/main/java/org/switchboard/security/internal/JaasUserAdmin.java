package org.switchboard.security.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.switchboard.api.security.Role;
import org.switchboard.api.security.UserAccount;
import org.switchboard.api.security.UserAdminService;

/**
 * Users of the Karaf realm {@code karaf} through Karaf's backing engine (the same store as {@code jaas:*} commands).
 * One change at a time: each reads the store afresh, so changes made in the shell meanwhile are kept.
 */
@Component(service = UserAdminService.class)
public class JaasUserAdmin implements UserAdminService {

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<BackingEngineFactory> engineFactories;

    @Override
    public synchronized List<UserAccount> users() {
        return store().accounts();
    }

    @Override
    public synchronized Optional<UserAccount> user(String name) {
        return store().account(name);
    }

    @Override
    public synchronized boolean save(String name, String password, Set<Role> roles) {
        boolean created = store().save(name, password, roles);
        // Karaf's engine logs a file it cannot write instead of throwing: check that the change is there.
        Optional<UserAccount> saved = store().account(name);
        if (saved.isEmpty() || roles != null && !saved.get().roles().containsAll(roles)) {
            throw new IllegalStateException("The realm's user store was not updated for '" + name + "'; see the log");
        }
        return created;
    }

    @Override
    public synchronized boolean delete(String name) {
        boolean deleted = store().delete(name);
        if (deleted && store().account(name).isPresent()) {
            throw new IllegalStateException("The realm's user store was not updated for '" + name + "'; see the log");
        }
        return deleted;
    }

    private RealmUsers store() {
        BackingEngine engine = KarafRealm.users(realms, engineFactories).orElseThrow(() -> new IllegalStateException(
                "The realm '" + JaasAuthenticator.REALM + "' has no user store that can be edited"));
        return new RealmUsers(engine);
    }
}
