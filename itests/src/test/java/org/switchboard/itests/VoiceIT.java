package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.ops4j.pax.exam.Option;

/**
 * Calls through the appliance with real SIP peers: sipp as the customer (RTP from the pcap shipped with it),
 * baresip as the agents' phones (registering with digest credentials, answering by themselves or not).
 */
public class VoiceIT extends ApplianceTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE = "voice";
    private static final String QUIET_QUEUE = "voice-quiet";

    @Inject
    private ConfigurationAdmin configurations;

    private String admin;
    private final List<String> signedIn = new ArrayList<>();

    @Override
    protected Option[] extraOptions() {
        int trunkPort = FreePorts.next();
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("switchboard.it.trunk.port").value(String.valueOf(trunkPort)),
                editConfigurationFilePut("etc/org.switchboard.sip.trunk-pstn.cfg", "name", "pstn"),
                editConfigurationFilePut("etc/org.switchboard.sip.trunk-pstn.cfg", "host", "127.0.0.1"),
                editConfigurationFilePut("etc/org.switchboard.sip.trunk-pstn.cfg", "port", String.valueOf(trunkPort)),
                editConfigurationFilePut("etc/org.switchboard.sip.trunk-pstn.cfg", "caller.number", "74950000000")));
        for (String extension : List.of("2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008", "2009", "2010", "2011")) {
            options.add(editConfigurationFilePut("etc/org.switchboard.sip.phone-" + extension + ".cfg", "extension", extension));
            options.add(editConfigurationFilePut("etc/org.switchboard.sip.phone-" + extension + ".cfg", "password",
                    "secret-" + extension));
        }
        return options.toArray(new Option[0]);
    }

    @Before
    public void configure() throws Exception {
        awaitHealthy();
        admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().put("/api/v1/queues/" + QUEUE, admin,
                "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":1,\"offerTimeoutSeconds\":4,\"groups\":[\"" + QUEUE + "\"]}")
                .statusCode());
        assertEquals(200, http().put("/api/v1/queues/" + QUIET_QUEUE, admin,
                "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":1,\"groups\":[\"nobody\"]}").statusCode());
        // 100: a menu where 1 leads to the queue and anything else says goodbye; 200: straight into a queue
        // nobody serves, with announcements of position and wait in Russian.
        saveFlow("voice-main", "{\"start\":\"menu\",\"steps\":{"
                + "\"menu\":{\"type\":\"menu\",\"prompt\":\"en/menu\",\"choices\":{\"1\":\"queue\"},"
                + "\"timeoutSeconds\":5,\"attempts\":1,\"otherwise\":\"bye\"},"
                + "\"queue\":{\"type\":\"queue\",\"queue\":\"" + QUEUE + "\"},"
                + "\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}");
        saveFlow("voice-quiet", "{\"start\":\"queue\",\"steps\":{\"queue\":{\"type\":\"queue\",\"queue\":\""
                + QUIET_QUEUE + "\",\"announceSeconds\":10,\"language\":\"ru\"}}}");
        assertEquals(200, http().put("/api/v1/entry-points/100", admin, "{\"flow\":\"voice-main\"}").statusCode());
        assertEquals(200, http().put("/api/v1/entry-points/200", admin, "{\"flow\":\"voice-quiet\"}").statusCode());
        saveFlow("voice-callback", "{\"start\":\"queue\",\"steps\":{\"queue\":{\"type\":\"queue\",\"queue\":\""
                + QUIET_QUEUE + "\",\"announceSeconds\":10,\"callbackKey\":\"1\"}}}");
        assertEquals(200, http().put("/api/v1/entry-points/300", admin, "{\"flow\":\"voice-callback\"}").statusCode());
    }

    /**
     * Agents of one test do not linger for the next, whose calls their closed phones would not answer: each is
     * signed out once its wrap-up (1 s) is over.
     */
    @org.junit.After
    public void signOut() throws Exception {
        for (String agent : signedIn) {
            Await.until(agent + " signed out", Duration.ofSeconds(15),
                    () -> http().post("/api/v1/agents/" + agent + "/logout", admin, "").statusCode() != 409);
        }
    }

    private void saveFlow(String name, String document) throws Exception {
        HttpResponse<String> saved = http().put("/api/v1/flows/" + name, admin, document);
        assertEquals(saved.body(), 200, saved.statusCode());
    }

    @Test
    public void aCallWaitsInItsQueueRingsTheAgentsPhoneAndIsRecordedBothSides() throws Exception {
        String agent = signIn("2001");
        try (Baresip phone = Baresip.start(workFolder("phone-2001"), "2001", "secret-2001", sipPort(), true)) {
            phone.awaitRegistered();
            Sipp caller = Sipp.call("caller", sipPort(), "100", workFolder("caller"), "-m", "1", "-d", "5000");
            assertEquals(caller.output(), 0, caller.await(60));
            phone.awaitAnswered();
        }
        JsonNode recording = latestRecordingOf(agent);
        String id = recording.get("interactionId").asText();
        assertEquals("79161234567", recording.get("caller").asText());
        assertEquals("100", recording.get("dialed").asText());

        List<String> events = history(id);
        assertTrue(events.toString(), events.containsAll(List.of("QUEUED", "OFFERED", "ACCEPTED", "ENDED")));
        JsonNode figures = JSON.readTree(http().get("/api/v1/queues/" + QUEUE + "/figures", admin).body());
        assertTrue(figures.toString(), figures.get("answered").asInt() >= 1);

        HttpResponse<byte[]> audio = http().getBytes("/api/v1/recordings/" + recording.get("id").asText() + "/audio", admin);
        assertEquals(200, audio.statusCode());
        Path wav = workFolder("recording").resolve("call.wav");
        Files.write(wav, audio.body());
        double seconds = (audio.body().length - 44) / 32_000.0;
        assertTrue("about 5 s of conversation, not " + seconds, seconds > 4 && seconds < 8);
        double[] levels = channelLevels(audio.body());
        assertTrue("the caller is heard on the left: " + levels[0], levels[0] > 100);
        assertTrue("the agent is heard on the right: " + levels[1], levels[1] > 100);

        HttpResponse<String> forAgents = http().get("/api/v1/recordings", Http.basic(AGENT, AGENT_PASSWORD));
        assertEquals("recordings are for supervisors", 403, forAgents.statusCode());
    }

    @Test
    public void aPhoneThatDoesNotAnswerIsRedirectedToTheNextAgent() throws Exception {
        String silent = signIn("2002");
        try (Baresip ringing = Baresip.start(workFolder("phone-2002"), "2002", "secret-2002", sipPort(), false)) {
            ringing.awaitRegistered();
            String answering;
            try (Baresip phone = Baresip.start(workFolder("phone-2003"), "2003", "secret-2003", sipPort(), true)) {
                phone.awaitRegistered();
                // Signed in second, so the longest idle is the one whose phone only rings.
                answering = signIn("2003");
                Sipp caller = Sipp.call("caller", sipPort(), "100", workFolder("caller"), "-m", "1", "-d", "9000");
                assertEquals(caller.output(), 0, caller.await(60));
                assertTrue(ringing.rang());
                phone.awaitAnswered();
            }
            JsonNode recording = latestRecordingOf(answering);
            List<String> events = history(recording.get("interactionId").asText());
            assertTrue(events.toString(), events.indexOf("MISSED") > events.indexOf("OFFERED"));
            assertTrue(events.toString(), events.lastIndexOf("OFFERED") > events.indexOf("MISSED"));
            assertTrue(events.toString(), events.lastIndexOf("ACCEPTED") > events.lastIndexOf("OFFERED"));
            JsonNode first = JSON.readTree(http().get("/api/v1/agents/" + silent, admin).body());
            assertEquals("an agent who let the phone ring is not ready", "NOT_READY", first.get("state").asText());
        }
    }

    @Test
    public void anotherAgentPicksUpACallRingingAtAColleaguesPhone() throws Exception {
        String ringing = signIn("2002");
        try (Baresip silentPhone = Baresip.start(workFolder("phone-2002"), "2002", "secret-2002", sipPort(), false);
             Baresip phone = Baresip.start(workFolder("phone-2003"), "2003", "secret-2003", sipPort(), true)) {
            silentPhone.awaitRegistered();
            phone.awaitRegistered();
            Sipp caller = Sipp.call("caller", sipPort(), "100", workFolder("caller"), "-m", "1", "-d", "6000");
            String id = awaitCall("RINGING", ringing).get("interactionId").asText();
            String picking = signIn("2003");
            assertEquals(204, http().post("/api/v1/calls/" + id + "/pickup", admin,
                    "{\"agent\":\"" + picking + "\"}").statusCode());
            awaitCall("TALKING", picking);
            assertEquals(caller.output(), 0, caller.await(60));
            phone.awaitAnswered();
        }
        JsonNode first = JSON.readTree(http().get("/api/v1/agents/" + ringing, admin).body());
        assertEquals("picking up does not make the first agent not ready", "READY", first.get("state").asText());
    }

    @Test
    public void aPhoneDialingThePickupCodeAndAnExtensionAnswersTheCallRingingThere() throws Exception {
        String ringing = signIn("2002");
        try (Baresip silentPhone = Baresip.start(workFolder("phone-2002"), "2002", "secret-2002", sipPort(), false);
             SipPhone picker = new SipPhone(sipPort(), "2010", "secret-2010").register()) {
            silentPhone.awaitRegistered();
            Sipp caller = Sipp.call("caller", sipPort(), "100", workFolder("caller"), "-m", "1", "-d", "6000");
            String id = awaitCall("RINGING", ringing).get("interactionId").asText();
            String picking = signIn("2010");
            assertEquals("nothing rings at 2003", 404, picker.attempt("**2003", Duration.ofSeconds(10)));
            SipPhone.Dialog picked = picker.call("**2002", Duration.ofSeconds(20));
            assertEquals(id, awaitCall("TALKING", picking).get("interactionId").asText());
            picker.awaitRequest("BYE", picked.callId(), Duration.ofSeconds(30));
            assertEquals(caller.output(), 0, caller.await(60));
            assertTrue(silentPhone.rang());
            assertTrue(!silentPhone.answered());
        }
    }

    @Test
    public void aSessionTheCallerStopsRefreshingEndsAndTooShortAnIntervalIsRefused() throws Exception {
        Sipp tooShort = Sipp.call("short-session", sipPort(), "200", workFolder("short"), "-m", "1");
        assertEquals("422 with Min-SE: " + tooShort.output(), 0, tooShort.await(30));
        int abandonedBefore = JSON.readTree(http().get("/api/v1/queues/" + QUIET_QUEUE + "/figures", admin).body())
                .get("abandoned").asInt();
        // Agreed at 90 s and refreshed once by UPDATE, then left to run out: the appliance ends it at 60 s.
        Sipp caller = Sipp.call("timed-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
        assertEquals("the appliance ended the expired session: " + caller.output(), 0, caller.await(120));
        Await.until("the call counted as abandoned", Duration.ofSeconds(10), () -> JSON.readTree(
                http().get("/api/v1/queues/" + QUIET_QUEUE + "/figures", admin).body()).get("abandoned").asInt()
                == abandonedBefore + 1);
    }

    @Test
    public void aCallerWhoHangsUpInTheQueueIsCountedAsAbandoned() throws Exception {
        int abandonedBefore = JSON.readTree(http().get("/api/v1/queues/" + QUIET_QUEUE + "/figures", admin).body())
                .get("abandoned").asInt();
        Sipp caller = Sipp.call("caller", sipPort(), "200", workFolder("caller"), "-m", "1", "-d", "12000");
        assertEquals(caller.output(), 0, caller.await(60));
        Await.until("the call counted as abandoned", Duration.ofSeconds(10), () -> JSON.readTree(
                http().get("/api/v1/queues/" + QUIET_QUEUE + "/figures", admin).body()).get("abandoned").asInt()
                == abandonedBefore + 1);
    }

    @Test
    public void anAgentHoldsAndRetrievesTransfersAndASupervisorWhispers() throws Exception {
        String supervisor = Http.basic("admin", adminPassword());
        String first = signIn("2004");
        String[] firstCallId = new String[1];
        try (Baresip agentPhone = Baresip.start(workFolder("phone-2004"), "2004", "secret-2004", sipPort(), true);
             Baresip supervisorPhone = Baresip.start(workFolder("phone-2009"), "2009", "secret-2009", sipPort(), true);
             Baresip nextPhone = Baresip.start(workFolder("phone-2005"), "2005", "secret-2005", sipPort(), true)) {
            agentPhone.awaitRegistered();
            supervisorPhone.awaitRegistered();
            nextPhone.awaitRegistered();
            // A caller who says nothing: whatever the agent hears comes from the supervisor.
            Sipp caller = Sipp.call("silent-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
            // The quiet queue has no agents: pull the call to the first agent as a supervisor would.
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            firstCallId[0] = id;
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", supervisor,
                    "{\"agent\":\"" + first + "\"}").statusCode());
            awaitCall("TALKING", first);

            assertEquals("an agent may not hold another agent's call", 403,
                    http().post("/api/v1/calls/" + id + "/hold", Http.basic(AGENT, AGENT_PASSWORD), "").statusCode());
            assertEquals(204, http().post("/api/v1/calls/" + id + "/hold", supervisor, "").statusCode());
            assertTrue(awaitCall("TALKING", first).get("held").asBoolean());
            assertEquals(204, http().post("/api/v1/calls/" + id + "/retrieve", supervisor, "").statusCode());
            assertTrue(!awaitCall("TALKING", first).get("held").asBoolean());

            HttpResponse<String> badMode = http().post("/api/v1/calls/" + id + "/monitor", supervisor,
                    "{\"extension\":\"2009\"}");
            assertEquals(400, badMode.statusCode());
            assertEquals(204, http().post("/api/v1/calls/" + id + "/monitor", supervisor,
                    "{\"extension\":\"2009\",\"mode\":\"WHISPER\"}").statusCode());
            Await.until("the supervisor joined", Duration.ofSeconds(15),
                    () -> "2009".equals(awaitCall("TALKING", first).path("monitoredBy").asText()));
            supervisorPhone.awaitAnswered();
            // Let the agent hear two seconds of whisper.
            Await.settled("the whisper goes on", Duration.ofSeconds(2),
                    () -> "2009".equals(awaitCall("TALKING", first).path("monitoredBy").asText()));

            String second = signIn("2005");
            HttpResponse<String> nowhere = http().post("/api/v1/calls/" + id + "/transfer", supervisor,
                    "{\"queue\":\"no-such-queue\"}");
            assertEquals(409, nowhere.statusCode());
            assertEquals(204, http().post("/api/v1/calls/" + id + "/transfer", supervisor,
                    "{\"agent\":\"" + second + "\"}").statusCode());
            JsonNode transferred = awaitCall("TALKING", second);
            nextPhone.awaitAnswered();
            assertEquals(204, http().post("/api/v1/calls/" + transferred.get("interactionId").asText() + "/hangup",
                    supervisor, "").statusCode());
            assertEquals(caller.output(), 0, caller.await(60));
            assertTrue("the agent heard the supervisor: " + agentPhone.heardLevel(), agentPhone.heardLevel() > 50);
        }
        assertTrue("the transferring agent wrapped up", history(firstCallId[0]).contains("ENDED"));
    }

    @Test
    public void anAgentsPhoneTransfersTheCallBlindWithRefer() throws Exception {
        int phonePort = FreePorts.next();
        SipDigest.registerPhone(sipPort(), "2006", "secret-2006", phonePort);
        Sipp referringPhone = Sipp.answer("referring-agent", phonePort, "2007", workFolder("phone-2006"));
        String first = signIn("2006");
        try (Baresip nextPhone = Baresip.start(workFolder("phone-2007"), "2007", "secret-2007", sipPort(), true)) {
            nextPhone.awaitRegistered();
            // The phone refers the call to extension 2007, whose agent is ready.
            String second = signIn("2007");
            Sipp caller = Sipp.call("silent-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", admin,
                    "{\"agent\":\"" + first + "\"}").statusCode());
            assertEquals("202, NOTIFY of 200, BYE: " + referringPhone.output(), 0, referringPhone.await(30));
            JsonNode transferred = awaitCall("TALKING", second);
            nextPhone.awaitAnswered();
            assertEquals(204, http().post("/api/v1/calls/" + transferred.get("interactionId").asText() + "/hangup",
                    admin, "").statusCode());
            assertEquals(caller.output(), 0, caller.await(60));
        }
    }

    @Test
    public void anAgentConsultsAColleagueThenJoinsThemWithTheCustomerByReferWithReplaces() throws Exception {
        Duration within = Duration.ofSeconds(20);
        try (SipPhone agentPhone = new SipPhone(sipPort(), "2010", "secret-2010").register();
             Baresip colleague = Baresip.start(workFolder("phone-2011"), "2011", "secret-2011", sipPort(), true)) {
            colleague.awaitRegistered();
            String first = signIn("2010");
            String second = signIn("2011");
            // The customer speaks for the 4 s before hanging up: long enough for the transfer to take place first.
            Sipp caller = Sipp.call("caller", sipPort(), "200", workFolder("caller"), "-m", "1", "-d", "4000");
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", admin,
                    "{\"agent\":\"" + first + "\"}").statusCode());
            SipPhone.Dialog customerLeg = agentPhone.answer(within);
            awaitCall("TALKING", first);

            // The agent's phone calls the colleague's extension directly (digest first), then joins the two calls.
            SipPhone.Dialog consultation = agentPhone.call("2011", within);
            colleague.awaitAnswered();
            assertEquals(202, agentPhone.refer(customerLeg,
                    "<sip:2011@127.0.0.1?Replaces=" + consultation.replaces() + ">", within));
            assertTrue(agentPhone.awaitRequest("NOTIFY", customerLeg.callId(), within).body().contains("SIP/2.0 200"));
            agentPhone.awaitRequest("BYE", customerLeg.callId(), within);
            agentPhone.awaitRequest("BYE", consultation.callId(), within);

            String joined = awaitCall("TALKING", second).get("interactionId").asText();
            assertTrue(history(joined).contains("ACCEPTED"));
            Await.until("the first agent's part ended", within, () -> history(id).contains("ENDED"));
            assertEquals(caller.output(), 0, caller.await(60));
            JsonNode recording = latestRecordingOf(second);
            assertEquals(joined, recording.get("interactionId").asText());
            byte[] audio = http().getBytes("/api/v1/recordings/" + recording.get("id").asText() + "/audio", admin).body();
            double[] levels = channelLevels(audio);
            assertTrue("the customer is heard in the joined call: " + levels[0], levels[0] > 100);
            assertTrue("the colleague is heard in the joined call: " + levels[1], levels[1] > 100);
        }
    }

    @Test
    public void aPhoneCallsAnotherExtensionWhichRingsAndAnswers() throws Exception {
        try (SipPhone phone = new SipPhone(sipPort(), "2010", "secret-2010").register();
             Baresip callee = Baresip.start(workFolder("phone-2011"), "2011", "secret-2011", sipPort(), true)) {
            callee.awaitRegistered();
            SipPhone.Dialog call = phone.call("2011", Duration.ofSeconds(20));
            callee.awaitAnswered();
            JsonNode live = awaitCall("TALKING", null);
            assertEquals("2010", live.get("caller").asText());
            assertEquals("2011", live.get("dialed").asText());
            phone.bye(call, Duration.ofSeconds(10));
            Await.until("the call ended", Duration.ofSeconds(10),
                    () -> JSON.readTree(http().get("/api/v1/calls", admin).body()).isEmpty());
            assertEquals("an extension whose phone is not registered is unavailable", 480,
                    phone.attempt("2009", Duration.ofSeconds(10)));
            assertEquals("what is no extension, entry point or number is not found", 404,
                    phone.attempt("nobody", Duration.ofSeconds(10)));
        }
    }

    @Test
    public void anAgentTransfersACallToAnExternalNumberThroughTheTrunk() throws Exception {
        // The number's far end: sipp on the trunk, answering and hanging up after 2 s.
        Sipp outside = Sipp.answer("customer", Integer.getInteger("switchboard.it.trunk.port"), "x",
                workFolder("outside"), "-d", "2000");
        String agent = signIn("2001");
        try (Baresip phone = Baresip.start(workFolder("phone-2001"), "2001", "secret-2001", sipPort(), true)) {
            phone.awaitRegistered();
            Sipp caller = Sipp.call("silent-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", admin,
                    "{\"agent\":\"" + agent + "\"}").statusCode());
            awaitCall("TALKING", agent);
            HttpResponse<String> badNumber = http().post("/api/v1/calls/" + id + "/transfer", admin,
                    "{\"number\":\"call me\"}");
            assertEquals(400, badNumber.statusCode());
            assertTrue(badNumber.body(), badNumber.body().contains("number"));
            assertEquals(204, http().post("/api/v1/calls/" + id + "/transfer", admin,
                    "{\"number\":\"74957654321\"}").statusCode());
            assertEquals("the outside party answered, talked and hung up: " + outside.output(), 0, outside.await(60));
            assertEquals("the customer was let go after: " + caller.output(), 0, caller.await(60));
            assertTrue(Files.readString(traceOf(outside)).contains("INVITE sip:74957654321@"));
            Await.until("the agent's part ended", Duration.ofSeconds(10), () -> history(id).contains("ENDED"));
        }
    }

    @Test
    public void aPhoneDialsOutThroughTheTrunkOnlyWithItsPassword() throws Exception {
        Sipp outside = Sipp.answer("customer", Integer.getInteger("switchboard.it.trunk.port"), "x",
                workFolder("outside"), "-d", "1000");
        try (SipPhone phone = new SipPhone(sipPort(), "2010", "secret-2010").register();
             SipPhone impostor = new SipPhone(sipPort(), "2010", "wrong-password")) {
            assertEquals("a wrong password dials nothing", 403, impostor.attempt("74951112200", Duration.ofSeconds(10)));
            SipPhone.Dialog call = phone.call("74951112233", Duration.ofSeconds(20));
            phone.awaitRequest("BYE", call.callId(), Duration.ofSeconds(20));
            assertEquals(outside.output(), 0, outside.await(60));
            assertTrue(Files.readString(traceOf(outside)).contains("INVITE sip:74951112233@"));
        }
    }

    @Test
    public void aFlowPutsTheCallerThroughToAnExtensionAndGoesOnWhenNobodyAnswers() throws Exception {
        saveFlow("voice-transfer", "{\"start\":\"through\",\"steps\":{\"through\":{\"type\":\"transfer\","
                + "\"destination\":\"2004\",\"ringSeconds\":5,\"unanswered\":\"bye\"},"
                + "\"bye\":{\"type\":\"hangup\",\"prompt\":\"en/goodbye\"}}}");
        assertEquals(200, http().put("/api/v1/entry-points/400", admin, "{\"flow\":\"voice-transfer\"}").statusCode());
        try (Baresip phone = Baresip.start(workFolder("phone-2004"), "2004", "secret-2004", sipPort(), false)) {
            phone.awaitRegistered();
            Sipp caller = Sipp.call("silent-caller", sipPort(), "400", workFolder("caller"), "-m", "1");
            assertEquals("unanswered, the flow says goodbye and hangs up: " + caller.output(), 0, caller.await(60));
            assertTrue(phone.rang());
            assertTrue(!phone.answered());
        }
        try (Baresip phone = Baresip.start(workFolder("phone-2004-again"), "2004", "secret-2004", sipPort(), true)) {
            phone.awaitRegistered();
            Sipp caller = Sipp.call("caller", sipPort(), "400", workFolder("caller-again"), "-m", "1", "-d", "2000");
            JsonNode through = awaitCall("TALKING", null);
            assertEquals("400", through.get("dialed").asText());
            assertEquals(caller.output(), 0, caller.await(60));
            phone.awaitAnswered();
        }
    }

    @Test
    public void theApplianceRegistersWithATrunkThatAsksForItAndWithdrawsWhenTheTrunkGoes() throws Exception {
        int registrarPort = FreePorts.next();
        Sipp registrar = Sipp.answer("trunk-registrar", registrarPort, "x", workFolder("registrar"));
        Configuration trunk = configurations.createFactoryConfiguration("org.switchboard.sip.trunk", "?");
        trunk.update(new Hashtable<>(Map.of("name", "provider", "host", "127.0.0.1", "port", registrarPort,
                "username", "switchboard-trunk", "password", "trunk-secret", "register", true)));
        try {
            Await.until("registered with the provider", Duration.ofSeconds(30), () -> Files.readString(
                    karafData().resolve("log/karaf.log")).contains("Trunk provider: registered at 127.0.0.1:" + registrarPort));
        } finally {
            trunk.delete();
        }
        assertEquals("challenged, registered with the right credentials, withdrawn: " + registrar.output(), 0,
                registrar.await(60));
    }

    @Test
    public void theApplianceReportsOnEachCallsMediaWithRtcp() throws Exception {
        Duration within = Duration.ofSeconds(15);
        try (SipPhone phone = new SipPhone(sipPort(), "2010", "secret-2010").register()) {
            // Waiting in a queue nobody serves: the caller hears music, so the appliance reports as a sender.
            SipPhone.Dialog call = phone.call("200", within);
            int ssrc = phone.heardSsrc(within);
            ByteBuffer report = phone.rtcp(within);
            assertEquals("RTCP version 2", 0x80, report.get(0) & 0xc0);
            assertEquals("a sender report comes first", 200, report.get(1) & 0xff);
            assertEquals("about the stream the phone hears", ssrc, report.getInt(4));
            assertTrue("with a CNAME", new String(report.array(), 0, report.limit(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("switchboard@"));

            // The phone speaks and reports as a sender; a later report of the appliance describes that stream.
            phone.sendRtp(call.media(), 50);
            long ntp = 0xe000_0000_1234_0000L;
            phone.sendSenderReport(call.media(), ntp, 50);
            java.time.Instant deadline = java.time.Instant.now().plus(within);
            boolean described = false;
            while (!described) {
                assertTrue("a report block about the phone within 15 s", java.time.Instant.now().isBefore(deadline));
                ByteBuffer next = phone.rtcp(within);
                int blocks = next.get(0) & 0x1f;
                int blockAt = (next.get(1) & 0xff) == 200 ? 28 : 8;
                described = blocks == 1 && next.getInt(blockAt) == SipPhone.SSRC
                        && (next.getInt(blockAt + 16) & 0xffffffffL) == ((ntp >>> 16) & 0xffffffffL);
            }
            phone.bye(call, within);
        }
    }

    @Test
    public void aPhoneRegisteredBeforeTheEndpointRestartsIsStillRungAfter() throws Exception {
        Duration within = Duration.ofSeconds(20);
        try (SipPhone callee = new SipPhone(sipPort(), "2011", "secret-2011").register();
             SipPhone caller = new SipPhone(sipPort(), "2010", "secret-2010").register()) {
            org.osgi.framework.Bundle endpoint = java.util.Arrays.stream(bundleContext.getBundles())
                    .filter(bundle -> "org.switchboard.ra.sip".equals(bundle.getSymbolicName())).findFirst().orElseThrow();
            endpoint.stop();
            endpoint.start();
            Await.until("the SIP endpoint back", within, () -> bundleContext.getServiceReference(
                    org.switchboard.api.voice.CallControl.class) != null);
            java.util.concurrent.CompletableFuture<SipPhone.Dialog> answered =
                    java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                        try {
                            return callee.answer(within);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
            SipPhone.Dialog call = caller.call("2011", within);
            answered.get(20, java.util.concurrent.TimeUnit.SECONDS);
            caller.bye(call, within);
        }
    }

    @Test
    public void anAgentConsultsOverRestThenGoesBackOrCompletesTheTransfer() throws Exception {
        String first = signIn("2001");
        try (Baresip phone = Baresip.start(workFolder("phone-2001"), "2001", "secret-2001", sipPort(), true);
             Baresip quietPhone = Baresip.start(workFolder("phone-2002"), "2002", "secret-2002", sipPort(), false);
             Baresip colleaguePhone = Baresip.start(workFolder("phone-2003"), "2003", "secret-2003", sipPort(), true)) {
            phone.awaitRegistered();
            quietPhone.awaitRegistered();
            colleaguePhone.awaitRegistered();
            String quiet = signIn("2002");
            String colleague = signIn("2003");
            Sipp caller = Sipp.call("silent-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", admin,
                    "{\"agent\":\"" + first + "\"}").statusCode());
            awaitCall("TALKING", first);
            String consult = "/api/v1/calls/" + id + "/consult";
            HttpResponse<String> nobody = http().post(consult, admin, "{}");
            assertEquals(400, nobody.statusCode());
            assertTrue(nobody.body(), nobody.body().contains("\"field\":\"agent\""));

            // A colleague who does not answer: the agent gives up and is back with the customer.
            assertEquals(204, http().post(consult, admin, "{\"agent\":\"" + quiet + "\"}").statusCode());
            Await.until("the colleague's phone rings", Duration.ofSeconds(10), () -> quietPhone.rang()
                    && http().get(consult, admin).body().contains("RINGING"));
            assertEquals("hold waits for the consultation's end", 409,
                    http().post("/api/v1/calls/" + id + "/hold", admin, "").statusCode());
            assertEquals(204, http().delete(consult, admin).statusCode());
            assertEquals(404, http().get(consult, admin).statusCode());
            assertTrue("back with the customer", !awaitCall("TALKING", first).get("held").asBoolean());

            // A colleague who answers: they talk, then the transfer completes and the first agent wraps up.
            assertEquals(204, http().post(consult, admin, "{\"agent\":\"" + colleague + "\"}").statusCode());
            Await.until("the agent talks with the colleague", Duration.ofSeconds(10),
                    () -> http().get(consult, admin).body().contains("TALKING"));
            colleaguePhone.awaitAnswered();
            assertEquals(204, http().post(consult + "/complete", admin, "").statusCode());
            String joined = awaitCall("TALKING", colleague).get("interactionId").asText();
            Await.until("the first agent's part ended", Duration.ofSeconds(10), () -> history(id).contains("ENDED"));
            assertEquals(204, http().post("/api/v1/calls/" + joined + "/hangup", admin, "").statusCode());
            assertEquals(caller.output(), 0, caller.await(60));
        }
    }

    @Test
    public void aParkedCallIsTakenByAnotherPhoneDialingTheSlot() throws Exception {
        String first = signIn("2001");
        try (Baresip phone = Baresip.start(workFolder("phone-2001"), "2001", "secret-2001", sipPort(), true)) {
            phone.awaitRegistered();
            Sipp caller = Sipp.call("silent-caller", sipPort(), "200", workFolder("caller"), "-m", "1");
            String id = awaitCall("QUEUED", null).get("interactionId").asText();
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/pull", admin,
                    "{\"agent\":\"" + first + "\"}").statusCode());
            awaitCall("TALKING", first);
            HttpResponse<String> parked = http().post("/api/v1/calls/" + id + "/park", admin, "");
            assertEquals(parked.body(), 200, parked.statusCode());
            String slot = JSON.readTree(parked.body()).get("slot").asText();
            assertEquals(slot, awaitCall("PARKED", null).get("parkedAt").asText());

            String wrongPassword = Sipp.call("retriever", sipPort(), slot, workFolder("stranger"), "-key", "ext", "2003",
                    "-au", "2003", "-ap", "guess", "-m", "1", "-d", "500").await(30) == 0 ? "taken" : "refused";
            assertEquals("a phone without the right password cannot take it", "refused", wrongPassword);
            // The agent at 2005 takes it from the slot from another phone (a sipp with 2005's credentials).
            String second = signIn("2005");
            Sipp retriever = Sipp.call("retriever", sipPort(), slot, workFolder("retriever"), "-key", "ext", "2005",
                    "-au", "2005", "-ap", "secret-2005", "-m", "1", "-d", "3000");
            JsonNode taken = awaitCall("TALKING", second);
            assertEquals(retriever.output(), 0, retriever.await(60));
            assertEquals(caller.output(), 0, caller.await(60));
            assertTrue(history(taken.get("interactionId").asText()).contains("ACCEPTED"));
        }
    }

    @Test
    public void aCallerWhoPressesTheCallbackKeyKeepsTheirPlaceAsACallback() throws Exception {
        Sipp caller = Sipp.call("callback-caller", sipPort(), "300", workFolder("caller"), "-m", "1", "-d", "3000");
        String id = awaitCall("QUEUED", null).get("interactionId").asText();
        assertEquals("the caller hears the confirmation and is let go: " + caller.output(), 0, caller.await(60));
        JsonNode waiting = JSON.readTree(http().get("/api/v1/interactions/" + id, admin).body());
        assertEquals(waiting.toString(), "WAITING", waiting.get("state").asText());
        assertEquals(waiting.toString(), "OUTBOUND", waiting.get("direction").asText());
        assertTrue(history(id).contains("CALLBACK_REQUESTED"));
    }

    @Test
    public void anAcceptedCallbackRingsTheAgentThenCallsTheCustomerThroughTheTrunk() throws Exception {
        // The trunk's far end: sipp answering as the customer, who talks for 2 s and hangs up.
        Sipp customer = Sipp.answer("customer", Integer.getInteger("switchboard.it.trunk.port"), "x",
                workFolder("customer"), "-d", "2000");
        String agent = signIn("2008");
        try (Baresip phone = Baresip.start(workFolder("phone-2008"), "2008", "secret-2008", sipPort(), true)) {
            phone.awaitRegistered();
            HttpResponse<String> pushed = http().post("/api/v1/interactions", admin, "{\"channel\":\"CALLBACK\","
                    + "\"queue\":\"" + QUEUE + "\",\"customer\":\"79161112233\"}");
            assertEquals(pushed.body(), 201, pushed.statusCode());
            String id = JSON.readTree(pushed.body()).get("id").asText();
            Await.until("the callback offered to " + agent, Duration.ofSeconds(10), () -> JSON.readTree(
                    http().get("/api/v1/agents/" + agent, admin).body()).get("state").asText().equals("RESERVED"));
            assertEquals(204, http().post("/api/v1/interactions/" + id + "/accept", admin,
                    "{\"agent\":\"" + agent + "\"}").statusCode());
            assertEquals(customer.output(), 0, customer.await(60));
            phone.awaitAnswered();
            assertTrue("the customer's number was dialed", Files.readString(traceOf(customer))
                    .contains("INVITE sip:79161112233@"));
            JsonNode recording = latestRecordingOf(agent);
            assertEquals(id, recording.get("interactionId").asText());
            Await.until("the callback ended", Duration.ofSeconds(10),
                    () -> history(id).contains("ENDED"));
        }
    }

    private static Path traceOf(Sipp sipp) throws java.io.IOException {
        try (var files = Files.list(sipp.folder())) {
            return files.filter(f -> f.getFileName().toString().endsWith("_messages.log")).findFirst().orElseThrow();
        }
    }

    /** Waits for the one live call in {@code state} (with {@code agent}, when given) and returns it. */
    private JsonNode awaitCall(String state, String agent) throws Exception {
        JsonNode[] found = new JsonNode[1];
        Await.until("a call " + state + (agent == null ? "" : " with " + agent), Duration.ofSeconds(20), () -> {
            for (JsonNode call : JSON.readTree(http().get("/api/v1/calls", admin).body())) {
                if (state.equals(call.get("state").asText()) && (agent == null || agent.equals(call.path("agent").asText()))) {
                    found[0] = call;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private String signIn(String extension) throws Exception {
        String agent = "agent-" + extension + "-" + UUID.randomUUID().toString().substring(0, 6);
        assertEquals(200, http().put("/api/v1/agents/" + agent, admin, "{\"name\":\"Agent " + extension
                + "\",\"groups\":[\"" + QUEUE + "\"],\"capacity\":{\"VOICE\":1}}").statusCode());
        assertEquals(200, http().post("/api/v1/agents/" + agent + "/login", admin,
                "{\"extension\":\"" + extension + "\"}").statusCode());
        assertEquals(200, http().put("/api/v1/agents/" + agent + "/state", admin, "{\"state\":\"READY\"}").statusCode());
        signedIn.add(agent);
        return agent;
    }

    private JsonNode latestRecordingOf(String agent) throws Exception {
        JsonNode[] found = new JsonNode[1];
        Await.until("a recording of " + agent, Duration.ofSeconds(10), () -> {
            for (JsonNode recording : JSON.readTree(http().get("/api/v1/recordings", admin).body())) {
                if (agent.equals(recording.path("agent").asText())) {
                    found[0] = recording;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private List<String> history(String interactionId) throws Exception {
        List<String> events = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(http().get("/api/v1/interactions/" + interactionId + "/history", admin).body())) {
            events.add(entry.get("event").asText());
        }
        return events;
    }

    /** The mean absolute sample of each channel of a 16-bit stereo WAV. */
    private static double[] channelLevels(byte[] wav) {
        ByteBuffer samples = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        long left = 0;
        long right = 0;
        int frames = 0;
        for (int at = 44; at + 4 <= wav.length; at += 4, frames++) {
            left += Math.abs(samples.getShort(at));
            right += Math.abs(samples.getShort(at + 2));
        }
        return new double[] {(double) left / Math.max(1, frames), (double) right / Math.max(1, frames)};
    }
}
