package org.switchboard.sip.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.Designate;

/** One SIP trunk, per factory configuration: where and as whom calls to outside numbers are placed. */
@Component(service = Trunk.class, configurationPid = TrunkConfig.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = TrunkConfig.class, factory = true)
public class Trunk {

    private String name;
    private String host;
    private int port;
    private String transport;
    private String username;
    private String password;
    private String callerNumber;
    private String address;
    private boolean register;
    private int registerExpires;

    @Activate
    void activate(TrunkConfig config) {
        name = config.name().trim();
        host = config.host().trim();
        port = config.port();
        transport = config.transport();
        username = config.username().trim();
        password = config.password();
        callerNumber = config.caller_number().isBlank() ? username : config.caller_number().trim();
        register = config.register();
        registerExpires = Math.max(60, config.register_expires());
        try {
            address = java.net.InetAddress.getByName(host).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            // Resolved again on each call placed; calls from it are taken only once its name resolves.
            address = host;
        }
    }

    /** The host's address when the trunk was configured, to recognise calls from it. */
    String address() {
        return address;
    }

    String name() {
        return name;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String transport() {
        return transport;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** Whether the appliance registers with the trunk. */
    boolean register() {
        return register;
    }

    /** How long each registration asks to last, in seconds. */
    int registerExpires() {
        return registerExpires;
    }

    /** The number shown to the called party (empty: the appliance's own user part). */
    String callerNumber() {
        return callerNumber;
    }
}
