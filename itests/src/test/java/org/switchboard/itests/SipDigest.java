package org.switchboard.itests;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Digest credentials (RFC 2617, qop=auth) and REGISTER requests written by hand, for tests. */
public final class SipDigest {

    private SipDigest() {
    }

    /** The Authorization header value answering a challenge's nonce. */
    public static String authorization(String user, String password, String nonce, String method, String uri) {
        String ha1 = md5(user + ":switchboard:" + password);
        String ha2 = md5(method + ":" + uri);
        String response = md5(ha1 + ":" + nonce + ":00000001:abcdef:auth:" + ha2);
        return "Digest username=\"" + user + "\", realm=\"switchboard\", nonce=\"" + nonce + "\", uri=\"" + uri + "\", "
                + "response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abcdef\"";
    }

    public static String nonce(String challenge) {
        Matcher nonce = Pattern.compile("nonce=\"([^\"]+)\"").matcher(challenge);
        if (!nonce.find()) {
            throw new AssertionError("no nonce in " + challenge);
        }
        return nonce.group(1);
    }

    /** A REGISTER of {@code extension} with its contact at {@code contactPort}, with credentials or without. */
    public static String register(String extension, String callId, int cseq, int contactPort, String authorization) {
        return "REGISTER sip:127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=z9hG4bK-" + UUID.randomUUID() + "\r\n"
                + "From: <sip:" + extension + "@127.0.0.1>;tag=reg\r\nTo: <sip:" + extension + "@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\nCSeq: " + cseq + " REGISTER\r\n"
                + "Contact: <sip:" + extension + "@127.0.0.1:" + contactPort + ">\r\nExpires: 600\r\nMax-Forwards: 70\r\n"
                + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                + "Content-Length: 0\r\n\r\n";
    }

    /** Registers a phone whose contact is {@code contactPort} (a sipp answering for it); fails unless 200. */
    public static void registerPhone(int appliancePort, String extension, String password, int contactPort)
            throws Exception {
        try (RawSip sip = new RawSip(appliancePort)) {
            String callId = UUID.randomUUID().toString();
            String challenge = sip.exchange(register(extension, callId, 1, contactPort, null));
            String ok = sip.exchange(register(extension, callId, 2, contactPort,
                    authorization(extension, password, nonce(challenge), "REGISTER", "sip:127.0.0.1")));
            if (ok == null || !ok.startsWith("SIP/2.0 200")) {
                throw new AssertionError("phone " + extension + " not registered: " + ok);
            }
        }
    }

    private static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
