package org.switchboard.sip.internal;

/** An SDP we cannot take part in; answered with 488 Not Acceptable Here and the reason in a Warning. */
final class SdpRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SdpRejected(String message) {
        super(message);
    }
}
