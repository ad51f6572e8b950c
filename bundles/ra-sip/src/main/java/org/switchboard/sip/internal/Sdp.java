package org.switchboard.sip.internal;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.ThreadLocalRandom;

import javax.sdp.Attribute;
import javax.sdp.Connection;
import javax.sdp.Media;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SessionDescription;

import org.switchboard.api.media.Codec;

/** Reads audio offers and answers (RFC 4566 / 3264) with JAIN-SDP, and writes the appliance's own. */
final class Sdp {

    static final int TELEPHONE_EVENT = 101;

    private Sdp() {
    }

    /**
     * The audio of an offer or answer; a {@link SdpRejected} naming the reason when it has no audio stream we
     * can receive (no G.711) or cannot be read.
     */
    static SessionOffer read(String body) {
        SessionDescription session;
        try {
            session = SdpFactory.getInstance().createSessionDescription(body);
        } catch (SdpException | RuntimeException e) {
            throw new SdpRejected("the SDP cannot be read: " + e.getMessage());
        }
        try {
            @SuppressWarnings("unchecked")
            Vector<MediaDescription> media = session.getMediaDescriptions(false);
            if (media == null) {
                throw new SdpRejected("the SDP has no media stream");
            }
            for (MediaDescription description : media) {
                Media audio = description.getMedia();
                if (!"audio".equals(audio.getMediaType()) || audio.getMediaPort() == 0) {
                    continue;
                }
                Connection connection = description.getConnection() != null ? description.getConnection()
                        : session.getConnection();
                if (connection == null) {
                    throw new SdpRejected("the audio stream has no connection address (c=)");
                }
                List<Integer> formats = formats(audio);
                Codec codec = null;
                for (int format : formats) {
                    codec = Codec.ofPayloadType(format).orElse(null);
                    if (codec != null) {
                        break;
                    }
                }
                if (codec == null) {
                    throw new SdpRejected("no codec in common: offered " + formats + ", spoken PCMU (0) and PCMA (8)");
                }
                return new SessionOffer(new InetSocketAddress(connection.getAddress(), audio.getMediaPort()), codec,
                        telephoneEventType(description), direction(session, description));
            }
            throw new SdpRejected("the SDP has no active audio stream");
        } catch (SdpException e) {
            throw new SdpRejected("the SDP cannot be read: " + e.getMessage());
        }
    }

    private static List<Integer> formats(Media audio) throws SdpException {
        List<Integer> formats = new ArrayList<>();
        for (Object format : audio.getMediaFormats(false)) {
            try {
                formats.add(Integer.parseInt(format.toString().trim()));
            } catch (NumberFormatException e) {
                throw new SdpRejected("the audio format '" + format + "' is not an RTP payload type");
            }
        }
        return formats;
    }

    private static int telephoneEventType(MediaDescription description) throws SdpException {
        Vector<?> attributes = description.getAttributes(false);
        if (attributes == null) {
            return -1;
        }
        for (Object item : attributes) {
            Attribute attribute = (Attribute) item;
            String value = attribute.getValue();
            if ("rtpmap".equals(attribute.getName()) && value != null
                    && value.toLowerCase().contains("telephone-event/8000")) {
                try {
                    return Integer.parseInt(value.trim().split("\\s+")[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static SessionOffer.Direction direction(SessionDescription session, MediaDescription description)
            throws SdpException {
        SessionOffer.Direction direction = directionIn(description.getAttributes(false));
        if (direction == null) {
            direction = directionIn(session.getAttributes(false));
        }
        return direction == null ? SessionOffer.Direction.SENDRECV : direction;
    }

    private static SessionOffer.Direction directionIn(Vector<?> attributes) throws SdpException {
        if (attributes == null) {
            return null;
        }
        for (Object item : attributes) {
            String name = ((Attribute) item).getName();
            for (SessionOffer.Direction direction : SessionOffer.Direction.values()) {
                if (direction.name().equalsIgnoreCase(name)) {
                    return direction;
                }
            }
        }
        return null;
    }

    /** The appliance's offer: both G.711 laws and telephone-events, at this local address. */
    static String offer(InetSocketAddress local) {
        return describe(local, List.of(Codec.PCMU, Codec.PCMA), TELEPHONE_EVENT, SessionOffer.Direction.SENDRECV);
    }

    /** The answer to an offer: the codec chosen, telephone-events when the party offered them, mirrored direction. */
    static String answer(InetSocketAddress local, SessionOffer offer, SessionOffer.Direction direction) {
        return describe(local, List.of(offer.codec()), offer.telephoneEventType(), direction);
    }

    private static String describe(InetSocketAddress local, List<Codec> codecs, int telephoneEvent,
            SessionOffer.Direction direction) {
        String address = local.getAddress().getHostAddress();
        StringBuilder formats = new StringBuilder();
        StringBuilder maps = new StringBuilder();
        for (Codec codec : codecs) {
            formats.append(' ').append(codec.payloadType());
            maps.append("a=rtpmap:").append(codec.payloadType()).append(' ').append(codec.name()).append("/8000\r\n");
        }
        if (telephoneEvent >= 0) {
            formats.append(' ').append(telephoneEvent);
            maps.append("a=rtpmap:").append(telephoneEvent).append(" telephone-event/8000\r\n")
                    .append("a=fmtp:").append(telephoneEvent).append(" 0-15\r\n");
        }
        long session = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        return "v=0\r\n"
                + "o=switchboard " + session + " 1 IN IP4 " + address + "\r\n"
                + "s=switchboard\r\n"
                + "c=IN IP4 " + address + "\r\n"
                + "t=0 0\r\n"
                + "m=audio " + local.getPort() + " RTP/AVP" + formats + "\r\n"
                + maps
                + "a=ptime:20\r\n"
                + "a=" + direction.name().toLowerCase() + "\r\n";
    }
}
