package org.switchboard.security.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.AppConfigurationEntry;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;

/** Finds the editable user store (Karaf's backing engine) behind the appliance's JAAS realm. */
final class KarafRealm {

    static final String PROXIED_MODULE = "org.apache.karaf.jaas.module";

    private KarafRealm() {
    }

    /**
     * A backing engine for the highest-ranked realm named {@link JaasAuthenticator#REALM}, built now: the
     * properties engine reads its file when built, so a fresh one sees changes made meanwhile (shell, file).
     */
    static Optional<BackingEngine> users(List<JaasRealm> realms, List<BackingEngineFactory> factories) {
        return realms.stream()
                .filter(realm -> JaasAuthenticator.REALM.equals(realm.getName()))
                .max((a, b) -> Integer.compare(a.getRank(), b.getRank()))
                .flatMap(realm -> editableStore(realm, factories));
    }

    private static Optional<BackingEngine> editableStore(JaasRealm realm, List<BackingEngineFactory> factories) {
        for (AppConfigurationEntry entry : realm.getEntries()) {
            @SuppressWarnings("unchecked")
            Map<String, ?> options = (Map<String, ?>) entry.getOptions();
            // Karaf wraps each login module in a proxy that names the real one in this option.
            Object module = options.get(PROXIED_MODULE);
            String moduleClass = module != null ? module.toString() : entry.getLoginModuleName();
            for (BackingEngineFactory factory : factories) {
                if (factory.getModuleClass().equals(moduleClass)) {
                    return Optional.ofNullable(factory.build(options));
                }
            }
        }
        return Optional.empty();
    }
}
