package org.switchboard.sip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** One agent phone's credentials ({@code etc/org.switchboard.sip.phone-<name>.cfg}). */
@ObjectClassDefinition(name = "Switchboard SIP phone", description = "An extension that may register with the appliance")
@interface PhoneAccountConfig {

    String FACTORY_PID = "org.switchboard.sip.phone";

    @AttributeDefinition(name = "Extension", description = "The user part phones register and are called with")
    String extension();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password();
}
