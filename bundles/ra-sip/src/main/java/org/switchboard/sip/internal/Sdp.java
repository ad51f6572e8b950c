package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

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

    private static final Pattern IPV4 = Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    private static final Pattern FIELD = Pattern.compile("[a-z]=");

    private Sdp() {
    }

    /**
     * The audio of an offer or answer; a {@link SdpRejected} naming the reason when it has no audio stream we
     * can receive (no G.711, an address or port we cannot send to) or cannot be read.
     */
    static SessionOffer read(String body) {
        SessionDescription session;
        try {
            session = SdpFactory.getInstance().createSessionDescription(body);
        } catch (SdpException | RuntimeException e) {
            // The parser's own messages can carry Java object ids; the line is what the sender can act on.
            throw new SdpRejected("the SDP cannot be read" + badLine(body));
        }
        try {
            return audioOf(session);
        } catch (SdpRejected e) {
            throw e;
        } catch (SdpException | RuntimeException e) {
            throw new SdpRejected("the SDP cannot be read" + badLine(body));
        }
    }

    private static SessionOffer audioOf(SessionDescription session) throws SdpException {
        @SuppressWarnings("unchecked")
        Vector<MediaDescription> media = session.getMediaDescriptions(false);
        if (media == null) {
            throw new SdpRejected("the SDP has no media stream");
        }
        for (MediaDescription description : media) {
            Media audio = description.getMedia();
            if (!"audio".equals(audio.getMediaType()) || audio.getMediaPort() == 0) {
                continue; // port 0: a stream declined (RFC 3264 §6)
            }
            int port = audio.getMediaPort();
            // RTCP goes to the port above (RFC 3550 §11), so the last port of all cannot carry RTP either.
            if (port < 1 || port > 65534) {
                throw new SdpRejected("the audio port " + port + " is out of range (1-65534, RTCP on the next)");
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
            return new SessionOffer(new InetSocketAddress(unicastAddress(connection), port), codec,
                    telephoneEventType(description), direction(session, description));
        }
        throw new SdpRejected("the SDP has no active audio stream");
    }

    /**
     * The address of a c= line, which must be an IPv4 or IPv6 literal of its address type: a host name would be
     * looked up on the call's lane (and, unresolved, fail every packet later), a multicast group is no party.
     */
    private static InetAddress unicastAddress(Connection connection) throws SdpException {
        String address = connection.getAddress() == null ? "" : connection.getAddress().trim();
        String type = connection.getAddressType();
        boolean literal = "IP4".equalsIgnoreCase(type) ? IPV4.matcher(address).matches()
                : "IP6".equalsIgnoreCase(type) && address.indexOf(':') >= 0 && IPV6.matcher(address).matches();
        InetAddress parsed = null;
        if ("IN".equalsIgnoreCase(connection.getNetworkType()) && literal) {
            try {
                // A literal (checked above) is parsed, never looked up.
                parsed = InetAddress.getByName(address);
            } catch (UnknownHostException e) {
                parsed = null;
            }
        }
        if (parsed == null || parsed.isMulticastAddress()) {
            throw new SdpRejected("the connection address 'c=" + connection.getNetworkType() + " " + type + " "
                    + printable(address) + "' is no unicast IP4 or IP6 address");
        }
        return parsed;
    }

    private static List<Integer> formats(Media audio) throws SdpException {
        List<Integer> formats = new ArrayList<>();
        Vector<?> listed = audio.getMediaFormats(false);
        if (listed == null) {
            return formats;
        }
        for (Object format : listed) {
            try {
                formats.add(Integer.parseInt(format.toString().trim()));
            } catch (NumberFormatException e) {
                throw new SdpRejected("the audio format '" + printable(format.toString()) + "' is not an RTP payload type");
            }
        }
        return formats;
    }

    /** ": line N 'text'" for the first line no SDP field starts, or nothing when every line looks right. */
    private static String badLine(String body) {
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && !FIELD.matcher(line).lookingAt()) {
                return ": line " + (i + 1) + " '" + printable(line) + "'";
            }
        }
        return "";
    }

    /** Text from a peer, fit to quote in a Warning: printable ASCII, at most 40 characters. */
    private static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'');
        return clean.length() > 40 ? clean.substring(0, 40) + "..." : clean;
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
                    int type = Integer.parseInt(value.trim().split("\\s+")[0]);
                    // An RTP payload type has 7 bits (RFC 3550 §5.1); another number is no usable event type.
                    return type >= 0 && type <= 127 ? type : -1;
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
