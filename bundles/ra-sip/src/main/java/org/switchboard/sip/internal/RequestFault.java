package org.switchboard.sip.internal;

import java.util.List;

/** Why a request that reached the endpoint is refused before anything else looks at it: a status and a reason. */
record RequestFault(int status, String reason) {

    static final String VERSION = "SIP/2.0";

    /**
     * The first fault of a request: a version other than SIP/2.0 (505, RFC 3261 §8.2.1 and §21.5.6), a header that
     * could not be read (400), or headers every request must carry missing (400); null when there is none.
     */
    static RequestFault of(String version, String unreadableHeader, List<String> missingHeaders) {
        if (!VERSION.equalsIgnoreCase(version)) {
            return new RequestFault(505, ReasonPhrases.human("Version Not Supported (" + version + ")",
                    "Version Not Supported"));
        }
        if (unreadableHeader != null) {
            return new RequestFault(400, "Bad " + unreadableHeader + " header");
        }
        if (!missingHeaders.isEmpty()) {
            return new RequestFault(400, "Missing " + String.join(", ", missingHeaders)
                    + (missingHeaders.size() == 1 ? " header" : " headers"));
        }
        return null;
    }
}
