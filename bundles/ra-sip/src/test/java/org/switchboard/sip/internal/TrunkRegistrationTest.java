package org.switchboard.sip.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sip.ClientTransaction;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.Test;

import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;

public class TrunkRegistrationTest {

    /** A task handed to the timer, with its delay in seconds. */
    private static final class Scheduled {
        final Runnable task;
        final long seconds;
        boolean cancelled;

        Scheduled(Runnable task, long seconds) {
            this.task = task;
            this.seconds = seconds;
        }
    }

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final ScheduledExecutorService timers = (ScheduledExecutorService) Proxy.newProxyInstance(
            ScheduledExecutorService.class.getClassLoader(), new Class<?>[] {ScheduledExecutorService.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("schedule") || !(args[0] instanceof Runnable)) {
                    throw new UnsupportedOperationException(method.getName());
                }
                Scheduled task = new Scheduled((Runnable) args[0], ((TimeUnit) args[2]).toSeconds((Long) args[1]));
                scheduled.add(task);
                return Proxy.newProxyInstance(ScheduledFuture.class.getClassLoader(),
                        new Class<?>[] {ScheduledFuture.class}, (future, call, callArgs) -> {
                            if (call.getName().equals("cancel")) {
                                task.cancelled = true;
                                return true;
                            }
                            throw new UnsupportedOperationException(call.getName());
                        });
            });

    private final SipFixture.Provider provider = new SipFixture.Provider();
    private final List<Response> challenges = new ArrayList<>();
    /** When set, answering a challenge fails with it. */
    private SipException challengeFailure;
    /** Answers a challenge as JAIN-SIP does: the same REGISTER with the next CSeq and credentials. */
    private final AuthenticationHelper authentication = (AuthenticationHelper) Proxy.newProxyInstance(
            AuthenticationHelper.class.getClassLoader(), new Class<?>[] {AuthenticationHelper.class},
            (proxy, method, args) -> {
                if (!method.getName().equals("handleChallenge")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                if (challengeFailure != null) {
                    throw challengeFailure;
                }
                challenges.add((Response) args[0]);
                Request retry = (Request) ((ClientTransaction) args[1]).getRequest().clone();
                CSeqHeader cseq = (CSeqHeader) retry.getHeader(CSeqHeader.NAME);
                cseq.setSeqNumber(cseq.getSeqNumber() + 1);
                retry.setHeader(SipFixture.HEADERS.createHeader("Authorization",
                        "Digest username=\"4930123\", realm=\"carrier\", nonce=\"n\", uri=\"sip:203.0.113.10\","
                                + " response=\"00\""));
                return provider.transaction(retry);
            });

    private final Trunk trunk = Trunks.trunk("name", "carrier", "host", "203.0.113.10", "port", 5080, "username",
            "4930123", "password", "pw", "register", true, "register_expires", 1800);
    private final TrunkRegistration registration = new TrunkRegistration(trunk, provider.provider,
            SipFixture.messages(), authentication, timers);

    private static int expires(Request register) {
        return ((ExpiresHeader) register.getHeader(ExpiresHeader.NAME)).getExpires();
    }

    private static long cseq(Request request) {
        return ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber();
    }

    /** The registrar's answer to the last REGISTER sent. */
    private void answer(int status, String... headers) throws Exception {
        Request register = provider.last();
        Response response = SipFixture.response(status, register);
        for (String header : headers) {
            int colon = header.indexOf(':');
            response.addHeader(SipFixture.HEADERS.createHeader(header.substring(0, colon), header.substring(colon + 1)
                    .trim()));
        }
        registration.response(new ResponseEvent(this, provider.transaction(register), null, response));
    }

    private Scheduled lastScheduled() {
        return scheduled.get(scheduled.size() - 1);
    }

    @Test
    public void startingSendsARegisterForTheConfiguredTimeToTheTrunk() {
        registration.start();
        assertEquals(1, provider.sent.size());
        Request register = provider.last();
        assertEquals(Request.REGISTER, register.getMethod());
        SipURI registrar = (SipURI) register.getRequestURI();
        assertEquals("203.0.113.10", registrar.getHost());
        assertEquals(5080, registrar.getPort());
        assertNull(registrar.getUser());
        assertEquals(1800, expires(register));
        assertEquals(1, cseq(register));
        assertEquals(registration.callId(), ((CallIdHeader) register.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals("4930123", ((SipURI) ((ContactHeader) register.getHeader(ContactHeader.NAME)).getAddress()
                .getURI()).getUser());
        assertFalse("not before the registrar says so", registration.registered());
    }

    @Test
    public void theRegistrationIsRefreshedBeforeTheTimeTheRegistrarGranted() throws Exception {
        registration.start();
        answer(200, "Contact: <sip:4930123@192.0.2.1:5060>;expires=1200");
        assertTrue(registration.registered());
        assertEquals("a minute ahead of 1200 s", 1140, lastScheduled().seconds);
        lastScheduled().task.run();
        Request refresh = provider.last();
        assertEquals(2, provider.sent.size());
        assertEquals("§10.2.4: the same Call-ID, a higher CSeq", registration.callId(),
                ((CallIdHeader) refresh.getHeader(CallIdHeader.NAME)).getCallId());
        assertEquals(2, cseq(refresh));
        assertEquals("asks again for the configured time", 1800, expires(refresh));
    }

    @Test
    public void aShortGrantIsRefreshedAFifthAheadAndNeverSoonerThanFiveSeconds() throws Exception {
        registration.start();
        answer(200, "Contact: <sip:4930123@192.0.2.1:5060>;expires=100");
        assertEquals(80, lastScheduled().seconds);
        lastScheduled().task.run();
        answer(200, "Contact: <sip:4930123@192.0.2.1:5060>;expires=3");
        assertEquals(5, lastScheduled().seconds);
    }

    @Test
    public void otherPhonesContactsDoNotSayHowLongWeAreRegistered() throws Exception {
        registration.start();
        answer(200, "Contact: <sip:someone@198.51.100.5:5060>;expires=30", "Expires: 600");
        assertEquals("the Expires header, for want of our contact", 540, lastScheduled().seconds);
    }

    @Test
    public void withoutAnyExpiryTheTimeAskedForIsAssumed() throws Exception {
        registration.start();
        answer(200);
        assertTrue(registration.registered());
        assertEquals(1740, lastScheduled().seconds);
    }

    @Test
    public void aChallengeIsAnsweredOnceWithTheTrunksCredentials() throws Exception {
        registration.start();
        answer(401, "WWW-Authenticate: Digest realm=\"carrier\", nonce=\"n\"");
        assertEquals(1, challenges.size());
        assertEquals(2, provider.sent.size());
        Request retry = provider.last();
        assertEquals(2, cseq(retry));
        assertTrue(retry.getHeader("Authorization") != null);
        assertTrue("no retry timer while the answer is on its way", scheduled.isEmpty());

        answer(401, "WWW-Authenticate: Digest realm=\"carrier\", nonce=\"n2\"");
        assertEquals("wrong credentials are not sent over and over", 1, challenges.size());
        assertFalse(registration.registered());
        assertEquals("tried again a minute later", 60, lastScheduled().seconds);

        lastScheduled().task.run();
        assertEquals("the next REGISTER follows the CSeq of the answered challenge", 3, cseq(provider.last()));
        answer(407, "Proxy-Authenticate: Digest realm=\"carrier\", nonce=\"n3\"");
        assertEquals("a new attempt may be challenged again", 2, challenges.size());
    }

    @Test
    public void aTrunkWithoutUserCannotAnswerAChallenge() throws Exception {
        TrunkRegistration anonymous = new TrunkRegistration(Trunks.trunk("name", "pbx", "host", "198.51.100.20",
                "register", true), provider.provider, SipFixture.messages(), authentication, timers);
        anonymous.start();
        assertEquals("switchboard", ((SipURI) ((ContactHeader) provider.last().getHeader(ContactHeader.NAME))
                .getAddress().getURI()).getUser());
        Response challenge = SipFixture.response(401, provider.last());
        anonymous.response(new ResponseEvent(this, provider.transaction(provider.last()), null, challenge));
        assertTrue(challenges.isEmpty());
        assertEquals(60, lastScheduled().seconds);
    }

    @Test
    public void aChallengeThatCannotBeAnsweredIsAFailure() throws Exception {
        challengeFailure = new SipException("no credentials");
        registration.start();
        answer(401);
        assertFalse(registration.registered());
        assertEquals(60, lastScheduled().seconds);
    }

    @Test
    public void aRefusalOrNoAnswerIsTriedAgainAMinuteLater() throws Exception {
        registration.start();
        answer(200, "Expires: 600");
        assertTrue(registration.registered());
        lastScheduled().task.run();
        answer(403);
        assertFalse("calls from the trunk can no longer be counted on", registration.registered());
        assertEquals(60, lastScheduled().seconds);
        lastScheduled().task.run();
        registration.timeout();
        assertEquals(60, lastScheduled().seconds);
        assertEquals(3, provider.sent.size());
    }

    @Test
    public void provisionalResponsesChangeNothing() throws Exception {
        registration.start();
        answer(100);
        assertFalse(registration.registered());
        assertTrue(scheduled.isEmpty());
    }

    @Test
    public void aRegisterThatCannotBeSentIsTriedAgain() {
        provider.failure = new SipException("no route");
        registration.start();
        assertTrue(provider.sent.isEmpty());
        assertEquals(60, lastScheduled().seconds);
        provider.failure = null;
        lastScheduled().task.run();
        assertEquals(1, provider.sent.size());
    }

    @Test
    public void stoppingWithdrawsTheBindingAndCancelsTheRefresh() throws Exception {
        registration.start();
        answer(200, "Expires: 600");
        Scheduled refresh = lastScheduled();
        registration.stop();
        assertTrue(refresh.cancelled);
        Request withdrawal = provider.last();
        assertEquals("Expires: 0 removes the binding (§10.2.2)", 0, expires(withdrawal));
        assertEquals(2, cseq(withdrawal));
        answer(200);
        assertFalse(registration.registered());
        assertEquals("nothing is sent after stopping", 1, scheduled.size());
        refresh.task.run();
        assertEquals("a refresh that raced the stop sends nothing", 2, provider.sent.size());
    }

    @Test
    public void stoppingUnregisteredSendsNothingAndFailuresAfterAreNotRetried() throws Exception {
        registration.start();
        registration.stop();
        assertEquals(1, provider.sent.size());
        answer(503);
        registration.timeout();
        assertTrue(scheduled.isEmpty());
    }
}
