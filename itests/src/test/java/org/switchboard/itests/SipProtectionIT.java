package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.Hashtable;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** The SIP endpoint under abuse: too many calls, malformed requests, password guessing. */
public class SipProtectionIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "waiting-room";

    @Override
    protected Option[] extraOptions() {
        return new Option[] {
            editConfigurationFilePut("etc/org.switchboard.sip.cfg", "max.calls", "2"),
            editConfigurationFilePut("etc/org.switchboard.sip.cfg", "auth.max.failures", "3"),
            editConfigurationFilePut("etc/org.switchboard.sip.phone-3001.cfg", "extension", "3001"),
            editConfigurationFilePut("etc/org.switchboard.sip.phone-3001.cfg", "password", "right-3001")};
    }

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        String admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().put("/api/v1/queues/" + QUEUE, admin, "{\"groups\":[\"nobody\"]}").statusCode());
        assertEquals(200, http().put("/api/v1/flows/waiting", admin, "{\"start\":\"q\",\"steps\":{\"q\":"
                + "{\"type\":\"queue\",\"queue\":\"" + QUEUE + "\"}}}").statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/300", admin, "{\"flow\":\"waiting\"}").statusCode());
    }

    @Test
    public void callsBeyondTheLimitGet503WhileTheCallsInProgressComplete() throws Exception {
        String admin = Http.basic("admin", adminPassword());
        Sipp first = Sipp.call("caller", sipPort(), "300", workFolder("first"), "-m", "1", "-d", "8000");
        Sipp second = Sipp.call("caller", sipPort(), "300", workFolder("second"), "-m", "1", "-d", "8000");
        Await.until("two calls waiting", Duration.ofSeconds(20), () -> JSON.readTree(
                http().get("/api/v1/queues/" + QUEUE, admin).body()).get("waiting").size() == 2);

        Sipp refused = Sipp.call("refused", sipPort(), "300", workFolder("refused"), "-m", "1");
        assertEquals(refused.output(), 0, refused.await(30));
        assertEquals(first.output(), 0, first.await(60));
        assertEquals(second.output(), 0, second.await(60));
    }

    @Inject
    ConfigurationAdmin configurations;

    @Test
    public void whenOnlyKnownNetworksMayCallOthersMustAuthenticateAsAPhone() throws Exception {
        String[] answer = new String[1];
        whileSipSetting("callers.from", "192.0.2.0/24", () -> {
            Await.until("a challenge for a caller outside 192.0.2.0/24", Duration.ofSeconds(20), () -> {
                try (RawSip stranger = new RawSip(sipPort())) {
                    answer[0] = stranger.exchange(invite("300"));
                }
                return answer[0] != null && answer[0].startsWith("SIP/2.0 401");
            });
            assertTrue(answer[0], answer[0].contains("WWW-Authenticate: Digest"));
        });
        Await.until("calls from anyone again", Duration.ofSeconds(20), () -> {
            Sipp caller = Sipp.call("caller", sipPort(), "300", workFolder("again"), "-m", "1", "-d", "500");
            return caller.await(60) == 0;
        });
    }

    @Test
    public void callsBeyondTheConfiguredRateGet503WithRetryAfterAndAReason() throws Exception {
        String[] answers = new String[2];
        whileSipSetting("max.call.rate", "1", () -> {
            // A second's worth of calls (one) is taken (399 is no entry point: 404 once taken), the next within the
            // second is refused before anything else is looked at.
            Await.until("the second of two calls in a row refused", Duration.ofSeconds(20), () -> {
                try (RawSip phone = new RawSip(sipPort())) {
                    answers[0] = phone.exchange(invite("399"));
                    answers[1] = phone.exchange(invite("399"));
                }
                return answers[0] != null && answers[0].startsWith("SIP/2.0 404")
                        && answers[1] != null && answers[1].startsWith("SIP/2.0 503");
            });
            assertTrue(answers[1], answers[1].contains("Retry-After: 5"));
            assertTrue(answers[1], answers[1].contains("more than 1 new calls a second"));
        });
        Await.until("calls taken again at any rate", Duration.ofSeconds(20), () -> {
            Sipp caller = Sipp.call("caller", sipPort(), "300", workFolder("unlimited"), "-m", "2", "-r", "50",
                    "-d", "500");
            return caller.await(60) == 0;
        });
    }

    /** What a test checks while a setting of the SIP endpoint is changed at run time. */
    private interface Check {
        void run() throws Exception;
    }

    /**
     * Changes one setting of the SIP endpoint, runs {@code check} once the endpoint has restarted with it, then sets
     * it back and waits for that restart too: requests sent while the stack stops are cut off mid-way (JAIN-SIP then
     * logs an ERROR), which is not what these tests are about.
     */
    private void whileSipSetting(String key, String value, Check check) throws Exception {
        Configuration sip = configurations.getConfiguration("org.switchboard.sip", null);
        Dictionary<String, Object> before = sip.getProperties();
        Dictionary<String, Object> changed = copy(before);
        changed.put(key, value);
        long endpoint = endpointServiceId();
        sip.update(changed);
        endpoint = awaitRestart(endpoint, key + " = " + value);
        try {
            check.run();
        } finally {
            sip.update(before);
            awaitRestart(endpoint, key + " as before");
        }
    }

    /** Waits until the SIP endpoint runs again as a new instance (its call control registered anew); its id. */
    private long awaitRestart(long previous, String with) throws Exception {
        Await.until("the SIP endpoint restarted with " + with, Duration.ofSeconds(30), () -> {
            long now = endpointServiceId();
            return now != -1 && now != previous;
        });
        return endpointServiceId();
    }

    /** The service id of the running SIP endpoint's call control (registered once it listens), or -1. */
    private long endpointServiceId() throws Exception {
        ServiceReference<?>[] found = bundleContext.getServiceReferences("org.switchboard.api.voice.CallControl", null);
        return found == null || found.length == 0 ? -1 : (Long) found[0].getProperty(Constants.SERVICE_ID);
    }

    /** An INVITE without a body (late offer) from a customer's number. */
    private static String invite(String number) {
        return "INVITE sip:" + number + "@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=z9hG4bK-"
                + UUID.randomUUID() + "\r\nFrom: <sip:79160000010@127.0.0.1>;tag=r1\r\nTo: <sip:" + number
                + "@127.0.0.1>\r\nCall-ID: " + UUID.randomUUID() + "\r\nCSeq: 1 INVITE\r\n"
                + "Contact: <sip:x@127.0.0.1:LOCALPORT>\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private static Dictionary<String, Object> copy(Dictionary<String, Object> properties) {
        Hashtable<String, Object> copy = new Hashtable<>();
        for (Enumeration<String> keys = properties.keys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            copy.put(key, properties.get(key));
        }
        return copy;
    }

    @Test
    public void aCallTheFlowEndsAtOnceIsHungUpOnlyAfterTheCallersAck() throws Exception {
        String admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().put("/api/v1/flows/goodbye", admin,
                "{\"start\":\"bye\",\"steps\":{\"bye\":{\"type\":\"hangup\"}}}").statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/301", admin, "{\"flow\":\"goodbye\"}").statusCode());
        Sipp caller = Sipp.call("late-ack-caller", sipPort(), "301", workFolder("late-ack"), "-m", "1");
        assertEquals(caller.output(), 0, caller.await(60));
    }

    @Test
    public void callsOverTcpAreAnsweredLikeCallsOverUdp() throws Exception {
        Sipp caller = Sipp.call("caller", sipPort(), "300", workFolder("tcp"), "-t", "t1", "-m", "1", "-d", "1000");
        assertEquals(caller.output(), 0, caller.await(60));
    }

    @Test
    public void malformedRequestsGet400AndTheStackCarriesOn() throws Exception {
        try (RawSip sip = new RawSip(sipPort())) {
            String badCseq = sip.exchange(invite("z9hG4bK-bad1", "CSeq: many INVITE\r\nContact: <sip:x@127.0.0.1:LOCALPORT>\r\n"));
            assertNotNull("an answer to a bad CSeq", badCseq);
            assertTrue(badCseq, badCseq.startsWith("SIP/2.0 400"));

            String noContact = sip.exchange(invite("z9hG4bK-bad2", "CSeq: 1 INVITE\r\n"));
            assertNotNull("an answer to an INVITE without Contact", noContact);
            assertTrue(noContact, noContact.startsWith("SIP/2.0 400"));

            String g729Only = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 4000 RTP/AVP 18\r\n";
            String badSdp = sip.exchange(invite("z9hG4bK-bad3", "CSeq: 1 INVITE\r\nContact: <sip:x@127.0.0.1:LOCALPORT>\r\n")
                    .replace("Content-Length: 0\r\n\r\n", "Content-Type: application/sdp\r\nContent-Length: "
                            + g729Only.length() + "\r\n\r\n" + g729Only));
            assertNotNull("an answer to an offer without G.711", badSdp);
            assertTrue(badSdp, badSdp.startsWith("SIP/2.0 488"));

            String options = sip.exchange("OPTIONS sip:300@127.0.0.1 SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=z9hG4bK-opt1\r\n"
                    + "From: <sip:probe@127.0.0.1>;tag=1\r\nTo: <sip:300@127.0.0.1>\r\nCall-ID: " + UUID.randomUUID()
                    + "\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            assertNotNull(options);
            assertTrue(options, options.startsWith("SIP/2.0 200"));
        }
    }

    @Test
    public void anOfferWithAPortOutOfRangeGets488SayingWhyOverUdpAndTcp() throws Exception {
        String offer = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 99999 RTP/AVP 0\r\n";
        String body = "Content-Type: application/sdp\r\nContent-Length: " + offer.length() + "\r\n\r\n" + offer;
        String overUdp;
        try (RawSip caller = new RawSip(sipPort())) {
            overUdp = caller.exchange(invite("300").replace("Content-Length: 0\r\n\r\n", body));
        }
        // Another INVITE (its own Call-ID and branch): the same one again would be taken for a retransmission.
        String overTcp = RawSip.exchangeOverTcp(sipPort(), invite("300").replace("Content-Length: 0\r\n\r\n", body)
                .replace("SIP/2.0/UDP", "SIP/2.0/TCP"));
        for (String answer : new String[] {overUdp, overTcp}) {
            assertNotNull("an answer to an offer with port 99999", answer);
            assertTrue(answer, answer.startsWith("SIP/2.0 488"));
            assertTrue(answer, answer.contains("the audio port 99999 is out of range"));
        }
    }

    @Test
    public void requestsMissingAHeaderGet400NamingIt() throws Exception {
        for (String header : new String[] {"From", "To", "Call-ID", "CSeq"}) {
            String request = invite("300").replaceFirst("(?m)^" + header + ":[^\r]*\r\n", "");
            try (RawSip sip = new RawSip(sipPort())) {
                String answer = sip.exchange(request);
                assertNotNull("an answer to an INVITE without " + header, answer);
                assertTrue(answer, answer.startsWith("SIP/2.0 400 Missing " + header + " header\r\n"));
            }
        }
        String overTcp = RawSip.exchangeOverTcp(sipPort(),
                invite("300").replace("SIP/2.0/UDP", "SIP/2.0/TCP").replaceFirst("(?m)^CSeq:[^\r]*\r\n", ""));
        assertNotNull("an answer over TCP to an INVITE without CSeq", overTcp);
        assertTrue(overTcp, overTcp.startsWith("SIP/2.0 400 Missing CSeq header\r\n"));
    }

    @Test
    public void aVersionOtherThanSip20Gets505() throws Exception {
        try (RawSip sip = new RawSip(sipPort())) {
            String answer = sip.exchange(invite("300").replaceFirst(" SIP/2.0\r\n", " SIP/3.0\r\n"));
            assertNotNull("an answer to SIP/3.0", answer);
            assertTrue(answer, answer.startsWith("SIP/2.0 505"));
        }
    }

    @Test
    public void aCancelOfNoInviteGets481() throws Exception {
        try (RawSip sip = new RawSip(sipPort())) {
            String answer = sip.exchange(invite("300").replaceFirst("INVITE", "CANCEL").replace("1 INVITE", "1 CANCEL"));
            assertNotNull("an answer to a CANCEL of nothing", answer);
            assertTrue(answer, answer.startsWith("SIP/2.0 481"));
        }
    }

    @Test
    public void reasonPhrasesAreTextNotJavaObjects() throws Exception {
        // 399 is no entry point: whatever is not refused as malformed is refused with 404, and no call is left waiting.
        String[] malformed = {
            invite("399").replaceFirst(" SIP/2.0\r\n", " SIP/\r\n"),
            invite("399").replaceFirst("(?m)^Contact:[^\r]*\r\n", ""),
            invite("399").replace("CSeq: 1 INVITE", "CSeq: 1x INVITE"),
            invite("399").replaceFirst("(?m)^From:[^\r]*", "From: <sip:79160000010@127.0.0.1"),
            invite("399").replace("Max-Forwards: 70", "Max-Forwards: many")};
        for (String request : malformed) {
            try (RawSip sip = new RawSip(sipPort())) {
                String answer = sip.exchange(request);
                assertNotNull("an answer to " + request, answer);
                String statusLine = answer.substring(0, answer.indexOf("\r\n"));
                assertTrue(answer, statusLine.startsWith("SIP/2.0 4"));
                assertTrue(statusLine, !statusLine.matches(".*(\\[[A-Z]@|\\w\\.[A-Z]\\w*@\\p{XDigit}).*"));
            }
        }
    }

    @Test
    public void wrongPasswordsAreRefusedAndTheSourceIsThrottled() throws Exception {
        try (RawSip phone = new RawSip(sipPort())) {
            String challenge = phone.exchange(register(1, null));
            assertTrue(challenge, challenge.startsWith("SIP/2.0 401"));
            String nonce = nonce(challenge);
            for (int attempt = 2; attempt <= 4; attempt++) {
                String refused = phone.exchange(register(attempt, authorization(nonce, "guess-" + attempt)));
                assertTrue(refused, refused.startsWith("SIP/2.0 403"));
            }
            // Blocked now: even the right password is refused, without being checked.
            String blocked = phone.exchange(register(5, authorization(nonce, "right-3001")));
            assertTrue(blocked, blocked.startsWith("SIP/2.0 403"));
        }
        String log = Files.readString(karafData().resolve("log/karaf.log"));
        assertTrue("the block is logged", log.contains("failed authentication 3 times"));

        try (RawSip other = new RawSip(sipPort())) {
            // Every test runs from 127.0.0.1, so this source is blocked too; the right password still is not enough.
            String challenge = other.exchange(register(6, null));
            assertTrue(challenge, challenge.startsWith("SIP/2.0 403"));
        }
    }

    private static String invite(String branch, String headers) {
        return "INVITE sip:300@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:LOCALPORT;branch=" + branch + "\r\n"
                + "From: <sip:79160000001@127.0.0.1>;tag=" + branch + "\r\nTo: <sip:300@127.0.0.1>\r\n"
                + "Call-ID: " + UUID.randomUUID() + "\r\n" + headers + "Max-Forwards: 70\r\nContent-Length: 0\r\n\r\n";
    }

    private final String registerCallId = UUID.randomUUID().toString();

    private String register(int cseq, String authorization) {
        return SipDigest.register("3001", registerCallId, cseq, 5999, authorization);
    }

    private static String authorization(String nonce, String password) {
        return SipDigest.authorization("3001", password, nonce, "REGISTER", "sip:127.0.0.1");
    }

    private static String nonce(String challenge) {
        return SipDigest.nonce(challenge);
    }
}
