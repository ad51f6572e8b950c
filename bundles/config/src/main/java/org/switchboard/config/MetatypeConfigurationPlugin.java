package org.switchboard.config;

import java.util.Arrays;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every Switchboard configuration against its metatype before a component receives it.
 * A bad value is reported naming the PID, key and value, and withheld so that the component
 * starts on its default instead of failing (and the rest of the appliance is not disturbed).
 * Its bundle starts before the other Switchboard bundles, so that no component reads its
 * configuration unchecked.
 */
@Component(immediate = true, property = ConfigurationPlugin.CM_RANKING + ":Integer=100")
public class MetatypeConfigurationPlugin implements ConfigurationPlugin {

    static final String PID_PREFIX = "org.switchboard.";
    private static final Logger LOG = LoggerFactory.getLogger(MetatypeConfigurationPlugin.class);

    @Reference
    MetaTypeService metatype;

    private BundleContext context;
    /** Last violations reported per PID, so that repeated deliveries of one change log once. */
    private final Map<String, List<Violation>> reported = new ConcurrentHashMap<>();

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> target, Dictionary<String, Object> properties) {
        String pid = (String) properties.get(Constants.SERVICE_PID);
        String factoryPid = (String) properties.get(ConfigurationAdmin.SERVICE_FACTORYPID);
        String definitionPid = factoryPid != null ? factoryPid : pid;
        if (pid == null || !definitionPid.startsWith(PID_PREFIX)) {
            return;
        }
        Optional<ObjectClassDefinition> definition = findDefinition(definitionPid, factoryPid != null);
        if (definition.isEmpty()) {
            return;
        }
        List<Violation> violations = ConfigurationCheck.violations(definition.get(), properties);
        if (!violations.equals(reported.put(pid, violations))) {
            violations.forEach(violation -> LOG.error(
                    "Configuration {}: key '{}' has invalid value '{}': {}; the default applies until it is corrected",
                    pid, violation.key(), violation.value(), violation.reason()));
        }
        violations.forEach(violation -> properties.remove(violation.key()));
    }

    private Optional<ObjectClassDefinition> findDefinition(String pid, boolean factory) {
        for (Bundle bundle : context.getBundles()) {
            MetaTypeInformation info = metatype.getMetaTypeInformation(bundle);
            if (info != null && Arrays.asList(factory ? info.getFactoryPids() : info.getPids()).contains(pid)) {
                return Optional.ofNullable(info.getObjectClassDefinition(pid, null));
            }
        }
        return Optional.empty();
    }
}
