package org.switchboard.security.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the first start, gives the {@code admin} user of the Karaf realm a random password and writes it
 * to a file under the data folder that only the owner can read: there is no shared default password.
 */
@Component(immediate = true, service = AdminBootstrap.class)
public class AdminBootstrap {

    static final String ADMIN = "admin";
    static final String ADMIN_GROUP = "admingroup";
    static final String PASSWORD_FILE = "admin.password";
    static final String PROXIED_MODULE = "org.apache.karaf.jaas.module";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<JaasRealm> realms;

    @Reference(cardinality = ReferenceCardinality.AT_LEAST_ONE, policyOption = ReferencePolicyOption.GREEDY)
    List<BackingEngineFactory> engineFactories;

    @Activate
    void activate(BundleContext context) throws IOException {
        Optional<BackingEngine> engine = karafUsers();
        if (engine.isEmpty()) {
            LOG.warn("The '{}' realm has no user store that can be edited; no admin password was generated",
                    JaasAuthenticator.REALM);
            return;
        }
        Path file = Path.of(context.getProperty("karaf.data"), PASSWORD_FILE);
        ensureAdmin(engine.get(), new PasswordFile(file));
    }

    static void ensureAdmin(BackingEngine users, PasswordFile file) throws IOException {
        boolean exists = users.listUsers().stream().map(UserPrincipal::getName).anyMatch(ADMIN::equals);
        if (exists) {
            if (file.exists()) {
                LOG.info("The password of user '{}' is in {}", ADMIN, file.path());
            }
            return;
        }
        String password = file.writeNew();
        users.addUser(ADMIN, password);
        users.addGroup(ADMIN, ADMIN_GROUP);
        LOG.info("Generated a password for user '{}': it is in {} (readable only by its owner)", ADMIN, file.path());
    }

    private Optional<BackingEngine> karafUsers() {
        return realms.stream()
                .filter(realm -> JaasAuthenticator.REALM.equals(realm.getName()))
                .max((a, b) -> Integer.compare(a.getRank(), b.getRank()))
                .flatMap(this::editableStore);
    }

    private Optional<BackingEngine> editableStore(JaasRealm realm) {
        for (AppConfigurationEntry entry : realm.getEntries()) {
            @SuppressWarnings("unchecked")
            Map<String, ?> options = (Map<String, ?>) entry.getOptions();
            // Karaf wraps each login module in a proxy that names the real one in this option.
            Object module = options.get(PROXIED_MODULE);
            String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
            for (BackingEngineFactory factory : engineFactories) {
                if (factory.getModuleClass().equals(moduleClass)) {
                    return Optional.of(factory.build(options));
                }
            }
        }
        return Optional.empty();
    }
}
