package org.switchboard.sip.internal;

import java.util.concurrent.ScheduledExecutorService;

import javax.sip.SipProvider;

/**
 * What every part of the B2BUA works with: the SIP provider and the messages it sends, signalling, the timers,
 * the calls' lanes (each event of a call runs on its own) and the calls in progress.
 */
record CallContext(SipProvider provider, SipMessages messages, Signalling sip, ScheduledExecutorService timers,
        KeyedExecutor lanes, CallTable calls) {
}
