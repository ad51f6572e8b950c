package org.switchboard.sip.internal;

import java.text.ParseException;
import java.util.Iterator;
import java.util.Locale;

import javax.sip.header.HeaderFactory;
import javax.sip.header.RequireHeader;
import javax.sip.header.SupportedHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;

import gov.nist.javax.sip.header.extensions.SessionExpiresHeader;

/**
 * Session timers (RFC 4028) as the answering side: what a caller's INVITE or UPDATE asks for, and the headers
 * of the 200 that agrees to it. A caller that supports the extension refreshes the session itself; for one that
 * does not, or that asks us to, the appliance refreshes.
 */
final class SessionTimers {

    /** 422 Session Interval Too Small. */
    static final int INTERVAL_TOO_SMALL = 422;

    /** The shortest session interval accepted: RFC 4028's own minimum. */
    static final int MIN_SECONDS = 90;

    private SessionTimers() {
    }

    /** What was agreed: the interval, and whether the caller (rather than the appliance) refreshes. */
    record Agreement(int seconds, boolean callerRefreshes, boolean callerSupports) {

        /** When the side that does not refresh gives the session up (§10): before it expires, by up to 32 s. */
        int expirySeconds() {
            return seconds - Math.min(32, seconds / 3);
        }
    }

    /** Thrown for an interval below {@link #MIN_SECONDS}: answered 422 with Min-SE. */
    static final class IntervalTooSmall extends Exception {
        IntervalTooSmall(int seconds) {
            super("Session-Expires " + seconds + " is below " + MIN_SECONDS);
        }
    }

    /** The agreement for a request, or null when it asks for no session timer. */
    static Agreement negotiate(Request request) throws IntervalTooSmall {
        SessionExpiresHeader expires = (SessionExpiresHeader) request.getHeader(SessionExpiresHeader.NAME);
        if (expires == null) {
            return null;
        }
        if (expires.getExpires() < MIN_SECONDS) {
            throw new IntervalTooSmall(expires.getExpires());
        }
        boolean supports = supports(request, "timer");
        // A caller that supports timers refreshes unless it asks us to; one that does not cannot (§9).
        boolean callerRefreshes = supports && !"uas".equalsIgnoreCase(expires.getRefresher());
        return new Agreement(expires.getExpires(), callerRefreshes, supports);
    }

    /** Adds to a 200 what it agrees to: Session-Expires with the refresher, and Require: timer when understood. */
    static void agree(Message ok, Agreement agreement, HeaderFactory headers) {
        try {
            ok.setHeader(headers.createHeader(SessionExpiresHeader.NAME,
                    agreement.seconds() + ";refresher=" + (agreement.callerRefreshes() ? "uac" : "uas")));
            if (agreement.callerSupports()) {
                RequireHeader require = headers.createRequireHeader("timer");
                ok.addHeader(require);
            }
        } catch (ParseException e) {
            throw new IllegalStateException("session timer headers are always well-formed", e);
        }
    }

    /** The headers of a refresh the appliance sends, keeping the interval and itself as refresher. */
    static void refresh(Request refresh, Agreement agreement, HeaderFactory headers) {
        try {
            refresh.setHeader(headers.createHeader(SessionExpiresHeader.NAME, agreement.seconds() + ";refresher=uas"));
            refresh.addHeader(headers.createSupportedHeader("timer"));
        } catch (ParseException e) {
            throw new IllegalStateException("session timer headers are always well-formed", e);
        }
    }

    /** The 422 header naming the shortest interval accepted. */
    static void minimum(Message response, HeaderFactory headers) {
        try {
            response.setHeader(headers.createHeader("Min-SE", String.valueOf(MIN_SECONDS)));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a request lists {@code option} in Supported (or k). */
    static boolean supports(Request request, String option) {
        Iterator<?> supported = request.getHeaders(SupportedHeader.NAME);
        while (supported.hasNext()) {
            String tags = ((SupportedHeader) supported.next()).getOptionTag();
            for (String tag : tags.split(",")) {
                if (tag.trim().equalsIgnoreCase(option)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a request's Allow headers list {@code method}. */
    static boolean allows(Request request, String method) {
        Iterator<?> allow = request.getHeaders(javax.sip.header.AllowHeader.NAME);
        while (allow.hasNext()) {
            String methods = ((javax.sip.header.AllowHeader) allow.next()).getMethod();
            for (String name : methods.split(",")) {
                if (name.trim().toUpperCase(Locale.ROOT).equals(method)) {
                    return true;
                }
            }
        }
        return false;
    }
}
