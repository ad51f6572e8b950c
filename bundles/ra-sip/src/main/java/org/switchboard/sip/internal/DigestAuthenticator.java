package org.switchboard.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sip.header.AuthorizationHeader;

/**
 * HTTP digest authentication of SIP requests (RFC 3261 §22.4, RFC 2617 with qop=auth, MD5). Nonces carry
 * their own time and a MAC, so no state is kept between the challenge and the answer.
 */
final class DigestAuthenticator {

    static final long NONCE_LIFETIME_MILLIS = 5 * 60_000;

    private final String realm;
    private final byte[] secret = new byte[32];

    DigestAuthenticator(String realm) {
        this.realm = realm;
        new SecureRandom().nextBytes(secret);
    }

    String realm() {
        return realm;
    }

    /** A fresh nonce for a challenge. */
    String nonce(long nowMillis) {
        String time = Long.toString(nowMillis);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((time + ":" + mac(time)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The outcome of checking an Authorization header. */
    enum Outcome { ACCEPTED, WRONG, STALE }

    /**
     * Checks the credentials of a request: the user must have a password ({@code passwords} answers null
     * otherwise), the nonce must be ours and fresh, and the response must match.
     */
    Outcome check(AuthorizationHeader authorization, String method, Function<String, String> passwords,
            long nowMillis) {
        String user = authorization.getUsername();
        String password = user == null ? null : passwords.apply(user);
        if (password == null || !realm.equals(authorization.getRealm())) {
            return Outcome.WRONG;
        }
        String nonce = authorization.getNonce();
        Long issued = nonce == null ? null : issued(nonce);
        if (issued == null) {
            return Outcome.WRONG;
        }
        String ha1 = md5(user + ":" + realm + ":" + password);
        String ha2 = md5(method + ":" + authorization.getURI());
        String qop = authorization.getQop();
        String expected;
        if (qop == null) {
            expected = md5(ha1 + ":" + nonce + ":" + ha2);
        } else if ("auth".equals(qop)) {
            String nc = String.format("%08x", authorization.getNonceCount());
            expected = md5(ha1 + ":" + nonce + ":" + nc + ":" + authorization.getCNonce() + ":auth:" + ha2);
        } else {
            return Outcome.WRONG;
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                String.valueOf(authorization.getResponse()).toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            return Outcome.WRONG;
        }
        return nowMillis - issued > NONCE_LIFETIME_MILLIS ? Outcome.STALE : Outcome.ACCEPTED;
    }

    /** When one of our nonces was made, or null when it is not ours. */
    private Long issued(String nonce) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return null;
            }
            String time = decoded.substring(0, colon);
            if (!MessageDigest.isEqual(mac(time).getBytes(StandardCharsets.US_ASCII),
                    decoded.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
                return null;
            }
            return Long.parseLong(time);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private String mac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)), 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
