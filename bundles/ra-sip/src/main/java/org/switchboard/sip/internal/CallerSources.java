package org.switchboard.sip.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which source addresses may call entry points without authenticating: any (the default), or a list of
 * addresses and IPv4 networks ("10.0.0.0/8"); trunks' hosts are added by the endpoint.
 */
final class CallerSources {

    private final boolean any;
    private final List<int[]> networks = new ArrayList<>();

    private CallerSources(boolean any) {
        this.any = any;
    }

    /** Parses {@code callers.from}; IllegalArgumentException naming the entry that is no address or network. */
    static CallerSources parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equalsIgnoreCase("any")) {
            return new CallerSources(true);
        }
        CallerSources sources = new CallerSources(false);
        for (String entry : setting.split(",")) {
            if (!entry.isBlank()) {
                sources.add(entry.trim());
            }
        }
        return sources;
    }

    boolean anyone() {
        return any;
    }

    /** Adds an address ("192.0.2.7", a host name resolved now) or an IPv4 network ("192.0.2.0/24"). */
    void add(String entry) {
        String[] parts = entry.split("/");
        int bits = parts.length > 1 ? parseBits(entry, parts[1]) : 32;
        networks.add(new int[] {ipv4(entry, parts[0]), bits});
    }

    boolean allows(String address) {
        if (any) {
            return true;
        }
        int value;
        try {
            value = ipv4(address, address);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (int[] network : networks) {
            int mask = network[1] == 0 ? 0 : -1 << (32 - network[1]);
            if ((value & mask) == (network[0] & mask)) {
                return true;
            }
        }
        return false;
    }

    private static int parseBits(String entry, String bits) {
        try {
            int value = Integer.parseInt(bits);
            if (value >= 0 && value <= 32) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("callers.from: '" + entry + "' has no valid prefix length (0-32)");
    }

    private static int ipv4(String entry, String host) {
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (bytes.length != 4) {
                throw new IllegalArgumentException("callers.from: '" + entry + "' is not an IPv4 address");
            }
            return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("callers.from: '" + entry + "' is no address or known host");
        }
    }
}
