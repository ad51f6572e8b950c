package org.switchboard.media.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The media engine's configuration ({@code etc/org.switchboard.media.cfg}). */
@ObjectClassDefinition(name = "Switchboard media", description = "RTP ports and prompts of calls anchored in the appliance")
@interface MediaConfig {

    String PID = "org.switchboard.media";

    @AttributeDefinition(name = "RTP address", description = "The address RTP is received at and announced in SDP")
    String rtp_address() default "127.0.0.1";

    @AttributeDefinition(name = "First RTP port", min = "1024", max = "65534")
    int rtp_port_min() default 20000;

    @AttributeDefinition(name = "Last RTP port", min = "1025", max = "65535")
    int rtp_port_max() default 29999;

    @AttributeDefinition(name = "Prompt folder", description = "WAV files (8 kHz mono) played by name, e.g. en/welcome;"
            + " empty: the prompts folder of the appliance's etc")
    String prompts_directory() default "";
}
