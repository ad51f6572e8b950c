package org.switchboard.sip.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The SIP endpoint's configuration ({@code etc/org.switchboard.sip.cfg}). */
@ObjectClassDefinition(name = "Switchboard SIP", description = "The appliance's SIP endpoint: registrar for agent phones and B2BUA for calls")
@interface SipConfig {

    String PID = "org.switchboard.sip";

    @AttributeDefinition(name = "Address", description = "The address SIP listens at and puts in Via and Contact")
    String address() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "The port of both UDP and TCP", min = "1", max = "65535")
    int port() default 5060;

    @AttributeDefinition(name = "Realm", description = "The realm of digest authentication")
    String realm() default "switchboard";

    @AttributeDefinition(name = "Callers from", description = "Who may call entry points without authenticating: any,"
            + " or addresses and IPv4 networks, comma-separated (e.g. 192.0.2.10, 10.0.0.0/8); trunks' hosts are always"
            + " allowed, and others must pass digest as a phone")
    String callers_from() default "any";

    @AttributeDefinition(name = "Maximum concurrent calls", description = "Beyond it new calls get 503 with Retry-After", min = "1")
    int max_calls() default 500;

    @AttributeDefinition(name = "Maximum new calls a second", description = "Beyond it new calls get 503 with"
            + " Retry-After (up to a second's worth may come at once); 0 for no limit", min = "0")
    int max_call_rate() default 0;

    @AttributeDefinition(name = "Overload delay (ms)", description = "When calls in progress are handled later than"
            + " this, the appliance is past its capacity and new calls get 503 with Retry-After, so that the calls"
            + " already taken keep their pace; 0 never refuses for it", min = "0")
    int overload_lag_ms() default 400;

    @AttributeDefinition(name = "Call inactivity (s)", description = "A call with neither a SIP message nor a media"
            + " packet from any of its parties for this long is ended, its agent released, and logged at WARN", min = "10")
    int call_inactivity_seconds() default 120;

    @AttributeDefinition(name = "Music on hold", description = "The prompt played while a caller waits")
    String hold_music() default "music/hold";

    @AttributeDefinition(name = "Failed authentications before a source is refused", min = "1")
    int auth_max_failures() default 5;

    @AttributeDefinition(name = "Seconds a failing source is refused", min = "1")
    int auth_block_seconds() default 300;

    @AttributeDefinition(name = "Registration expiry cap (s)", min = "60")
    int registration_max_expires() default 3600;

    @AttributeDefinition(name = "Park extension", description = "Phones park a call by transferring it here")
    String park_extension() default "700";

    @AttributeDefinition(name = "First park slot", description = "Parked calls wait at this number and the ones after it;"
            + " a phone dialing one takes the call", min = "1")
    int park_first_slot() default 701;

    @AttributeDefinition(name = "Park slots", min = "1", max = "1000")
    int park_slots() default 20;

    @AttributeDefinition(name = "Recording folder", description = "Where calls are recorded; empty: data/recordings")
    String recordings_directory() default "";

    @AttributeDefinition(name = "Pickup prefix", description = "A phone dials it before an extension to answer the call"
            + " ringing there (directed pickup), e.g. **2002")
    String pickup_prefix() default "**";
}
