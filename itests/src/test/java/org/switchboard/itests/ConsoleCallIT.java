package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A real call handled from the console in headless Chromium: sipp calls an entry point, the call rings at the
 * agent's baresip phone while the desktop shows the offer, and the agent holds, retrieves and hangs up from the
 * console and wraps up, while a supervisor in a second browser watches the agent grid and the wallboard.
 */
public class ConsoleCallIT {

    private static final Duration PAGE = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The number the sipp scenarios call from. */
    private static final String CALLER = "79161234567";

    private static final String AGENT = "call-agent-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String AGENT_PASSWORD = "agent-secret-8";
    private static final String SUPERVISOR = "call-supervisor-" + UUID.randomUUID().toString().substring(0, 6);
    private static final String SUPERVISOR_PASSWORD = "supervisor-secret-8";
    // Extensions and entry points are numbers; the two ranges do not overlap, so a call never reaches the wrong one.
    private static final String EXTENSION = String.valueOf(ThreadLocalRandom.current().nextInt(60_000, 70_000));
    private static final String PHONE_PASSWORD = "phone-" + UUID.randomUUID();
    private static final String ENTRY_POINT = String.valueOf(ThreadLocalRandom.current().nextInt(80_000, 90_000));

    private static ApplianceProcess appliance;
    private static Path work;

    @BeforeClass
    public static void startAppliance() throws Exception {
        // Sipp finds its scenarios through this property, which only the in-container tests get from their options.
        if (System.getProperty("switchboard.it.resources") == null) {
            System.setProperty("switchboard.it.resources", new File("src/test/resources").getAbsolutePath());
        }
        work = Files.createDirectories(Path.of("target", "it-work", ConsoleCallIT.class.getSimpleName(),
                UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath());
        appliance = ApplianceProcess.create();
        appliance.configure("users.properties", AGENT, AGENT_PASSWORD + ",_g_:agentgroup");
        appliance.configure("users.properties", SUPERVISOR, SUPERVISOR_PASSWORD + ",_g_:supervisorgroup");
        String phone = "org.switchboard.sip.phone-" + EXTENSION + ".cfg";
        appliance.configure(phone, "extension", EXTENSION);
        appliance.configure(phone, "password", PHONE_PASSWORD);
        // JUnit runs @AfterClass even when this fails, so a half-started appliance is still stopped.
        appliance.start();
    }

    @AfterClass
    public static void stopAppliance() throws Exception {
        if (appliance == null) {
            return;
        }
        appliance.stopAndCheckLog();
    }

    @Test
    public void agentTakesACallOnThePhoneAndHoldsHangsUpAndWrapsUpInTheConsole() throws Exception {
        String queue = "calls-" + UUID.randomUUID().toString().substring(0, 6);
        setUpQueueAgentAndEntryPoint(queue);

        // The phone does not answer by itself: the offer stays on the desktop until the agent picks up.
        try (Baresip phone = Baresip.start(work.resolve("phone"), EXTENSION, PHONE_PASSWORD, appliance.sipPort(), false);
             Browser agent = Browser.open("agent-call", Browser.LAPTOP);
             Browser supervisor = Browser.open("supervisor-call", Browser.FULL_HD)) {
            phone.awaitRegistered();
            ConsolePages.signIn(agent, appliance, AGENT, AGENT_PASSWORD, "#/desktop");
            agent.waitFor(By.id("extension"), PAGE).sendKeys(EXTENSION);
            agent.driver().findElement(By.id("start-work")).click();
            agent.waitFor(By.id("go-ready"), PAGE).click();
            agent.waitFor(By.cssSelector("#my-state.state-READY"), PAGE);

            // Straight to the agent grid: the first screen, the desktop, is for agents (this supervisor is none).
            ConsolePages.signIn(supervisor, appliance, SUPERVISOR, SUPERVISOR_PASSWORD, "#/agents");
            supervisor.waitFor(agentIn("READY"), PAGE);

            Sipp caller = Sipp.call("waiting-caller", appliance.sipPort(), ENTRY_POINT, work.resolve("caller"), "-m", "1");
            try {
                // A call for an agent at a phone: the offer says to answer there instead of offering to accept.
                agent.waitFor(By.cssSelector(".offer #answer-phone"), PAGE);
                assertThat(agent.driver().findElement(By.id("answer-phone")).getText(), containsString(EXTENSION));
                agent.waitForText(By.cssSelector(".offer .customer"), CALLER, PAGE);
                Await.until("the phone ringing", CALL, phone::rang);
                agent.screenshot("offer");

                phone.accept();
                phone.awaitAnswered();
                agent.waitFor(By.cssSelector(".talk #hold"), PAGE);
                agent.waitForText(By.cssSelector(".talk header h3"), CALLER, PAGE);
                String call = liveCall().get("interactionId").asText();
                agent.screenshot("talk");
                supervisor.waitFor(agentIn("BUSY"), PAGE);
                supervisor.screenshot("agents-busy");

                holdAndRetrieve(agent, call);

                supervisor.get(appliance.baseUrl() + "/console/#/wallboard");
                supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-figure='answered']"), "1", PAGE);
                supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-state='BUSY'] b"), "1", PAGE);
                supervisor.screenshot("wallboard-call");

                agent.driver().findElement(By.id("hang-up")).click();
                assertEquals("the caller got a BYE: " + caller.output(), 0, caller.await(30));
                wrapUp(agent);
                Await.until("the completion in the history", PAGE, () -> history(call).contains(
                        "COMPLETED: disposition sale, note Order confirmed on the phone"));
            } finally {
                caller.stop();
            }

            agent.assertNoConsoleErrors();
            supervisor.assertNoConsoleErrors();
        }
    }

    /** Creates over REST, as admin, the queue, the agent serving it by voice, a flow queueing callers and its number. */
    private static void setUpQueueAgentAndEntryPoint(String queue) throws Exception {
        String admin = admin();
        Http http = appliance.http();
        // Wrap-up long enough that the agent completes it, not the timer; the offer rings until the phone answers.
        assertOk(http.put("/api/v1/queues/" + queue, admin, "{\"strategy\":\"LONGEST_IDLE\",\"wrapUpSeconds\":600,"
                + "\"offerTimeoutSeconds\":120,\"groups\":[\"" + queue + "\"]}"));
        assertOk(http.put("/api/v1/agents/" + AGENT, admin, "{\"name\":\"Ivan Sokolov\",\"groups\":[\"" + queue
                + "\"],\"capacity\":{\"VOICE\":1}}"));
        String flow = "console-" + queue;
        assertOk(http.put("/api/v1/flows/" + flow, admin, "{\"start\":\"queue\",\"steps\":{\"queue\":{\"type\":\"queue\","
                + "\"queue\":\"" + queue + "\"}}}"));
        assertOk(http.put("/api/v1/entry-points/" + ENTRY_POINT, admin, "{\"flow\":\"" + flow + "\"}"));
    }

    /** Holds the call from the console and takes it back, checking each over REST and on the button. */
    private static void holdAndRetrieve(Browser agent, String call) throws Exception {
        agent.driver().findElement(By.id("hold")).click();
        Await.until("the call held", CALL, () -> liveCall().get("held").asBoolean());
        agent.waitForText(By.id("hold"), "Retrieve", PAGE);
        agent.waitFor(By.id("on-hold"), PAGE);
        agent.screenshot("held");

        agent.driver().findElement(By.id("hold")).click();
        Await.until("the call retrieved", CALL, () -> !liveCall().get("held").asBoolean());
        agent.waitForText(By.id("hold"), "Hold", PAGE);
        assertEquals(call, liveCall().get("interactionId").asText());
    }

    /** Completes the wrap-up card with a disposition and a note, until the desktop has nothing left. */
    private static void wrapUp(Browser agent) throws Exception {
        new Select(agent.waitFor(By.cssSelector(".wrap-up #disposition"), PAGE)).selectByValue("sale");
        agent.driver().findElement(By.id("note")).sendKeys("Order confirmed on the phone");
        agent.screenshot("wrap-up");
        agent.driver().findElement(By.id("complete")).click();
        agent.waitFor(By.id("nothing"), PAGE);
    }

    /** The agent's state badge in their row of the supervisor's agent grid. */
    private static By agentIn(String state) {
        return By.cssSelector("tr[data-agent='" + AGENT + "'] [data-state='" + state + "']");
    }

    /** The one live call with the agent, as a supervisor reads it over REST. */
    private static JsonNode liveCall() throws Exception {
        for (JsonNode call : JSON.readTree(appliance.http().get("/api/v1/calls", admin()).body())) {
            if (AGENT.equals(call.path("agent").asText())) {
                return call;
            }
        }
        // Not an AssertionError: a caller of Await.until tries again.
        throw new IllegalStateException("no live call with " + AGENT);
    }

    /** The interaction's recorded history, one "EVENT: detail" line per step. */
    private static String history(String interaction) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (JsonNode entry : JSON.readTree(appliance.http().get("/api/v1/interactions/" + interaction + "/history",
                admin()).body())) {
            lines.append(entry.get("event").asText()).append(": ").append(entry.path("detail").asText()).append('\n');
        }
        return lines.toString();
    }

    /** The admin's Basic authorization, with the password the appliance generated. */
    private static String admin() throws Exception {
        return Http.basic("admin", appliance.adminPassword());
    }

    /** Asserts a 200, showing the problem report otherwise. */
    private static void assertOk(HttpResponse<String> response) {
        assertEquals(response.body(), 200, response.statusCode());
    }
}
