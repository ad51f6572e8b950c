package org.switchboard.sip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** A SIP trunk to the telephone network ({@code etc/org.switchboard.sip.trunk-<name>.cfg}). */
@ObjectClassDefinition(name = "Switchboard SIP trunk", description = "Where calls to outside numbers go (callbacks, transfers)")
@interface TrunkConfig {

    String FACTORY_PID = "org.switchboard.sip.trunk";

    @AttributeDefinition(name = "Name")
    String name();

    @AttributeDefinition(name = "Host", description = "The provider's or PBX's SIP host (address or name)")
    String host();

    @AttributeDefinition(name = "Port", min = "1", max = "65535")
    int port() default 5060;

    @AttributeDefinition(name = "Transport", options = {@Option(label = "UDP", value = "udp"), @Option(label = "TCP", value = "tcp")})
    String transport() default "udp";

    @AttributeDefinition(name = "User", description = "For digest authentication of calls placed through the trunk; empty: none")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(name = "Caller number", description = "The number shown to those called; empty: the user")
    String caller_number() default "";

    @AttributeDefinition(name = "Register", description = "Whether the appliance registers with the trunk (as the user,"
            + " with the password) so that the provider sends it calls; false for a trunk by address")
    boolean register() default false;

    @AttributeDefinition(name = "Registration seconds", description = "How long each registration asks to last", min = "60")
    int register_expires() default 3600;
}
