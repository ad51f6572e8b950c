package org.switchboard.sip.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** An extension and its password, one per factory configuration, for the registrar to check phones against. */
@Component(service = PhoneAccount.class, configurationPid = PhoneAccountConfig.FACTORY_PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = PhoneAccountConfig.class, factory = true)
public class PhoneAccount {

    private String extension;
    private String password;

    @Activate
    void activate(PhoneAccountConfig config) {
        extension = config.extension().trim();
        password = config.password();
    }

    String extension() {
        return extension;
    }

    String password() {
        return password;
    }
}
