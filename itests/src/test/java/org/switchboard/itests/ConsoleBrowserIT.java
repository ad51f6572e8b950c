package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import java.time.LocalDateTime;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium against the appliance run as a process: an agent and a supervisor, each in a
 * browser of their own, follow one contact from the offer to its wrap-up, in English and Russian.
 */
public class ConsoleBrowserIT {

    private static final Duration PAGE = Duration.ofSeconds(30);

    private static final String AGENT = "console-agent";
    private static final String AGENT_PASSWORD = "agent-secret-7";
    private static final String SUPERVISOR = "console-supervisor";
    private static final String SUPERVISOR_PASSWORD = "supervisor-secret-7";

    private static ApplianceProcess appliance;

    @BeforeClass
    public static void startAppliance() throws Exception {
        appliance = ApplianceProcess.create();
        appliance.configure("users.properties", AGENT, AGENT_PASSWORD + ",_g_:agentgroup");
        appliance.configure("users.properties", SUPERVISOR, SUPERVISOR_PASSWORD + ",_g_:supervisorgroup");
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
    public void agentTakesAContactWhileTheSupervisorWatches() throws Exception {
        String queue = "web-" + UUID.randomUUID().toString().substring(0, 6);
        String customer = "+7495" + (1_000_000 + (int) (Math.random() * 8_999_999));
        String admin = Http.basic("admin", appliance.adminPassword());
        Http http = appliance.http();
        assertEquals(200, http.put("/api/v1/queues/" + queue, admin,
                "{\"strategy\":\"LONGEST_IDLE\",\"groups\":[\"" + queue + "\"]}").statusCode());
        assertEquals(200, http.put("/api/v1/agents/" + AGENT, admin, "{\"name\":\"Anna Petrova\",\"groups\":[\""
                + queue + "\"],\"capacity\":{\"CHAT\":1}}").statusCode());

        try (Browser agent = Browser.open("agent", Browser.LAPTOP);
             Browser supervisor = Browser.open("supervisor", Browser.FULL_HD)) {
            agent.get(appliance.baseUrl() + "/console/");
            agent.waitForMark(LoadFigures.INTERACTIVE_MARK, PAGE);
            LoadFigures firstLoad = agent.firstLoadFigures();
            System.out.println("Agent desktop, first load: " + firstLoad);
            agent.screenshot("sign-in");
            ConsolePages.signIn(agent, appliance, AGENT, AGENT_PASSWORD, "");
            agent.waitFor(By.id("start-work"), PAGE).click();
            agent.waitFor(By.id("go-ready"), PAGE).click();
            agent.waitFor(By.cssSelector("#my-state.state-READY"), PAGE);
            agent.screenshot("desktop-ready");

            ConsolePages.signIn(supervisor, appliance, SUPERVISOR, SUPERVISOR_PASSWORD, "");
            supervisor.get(appliance.baseUrl() + "/console/#/wallboard");
            By tile = By.cssSelector("[data-queue='" + queue + "']");
            supervisor.waitFor(tile, PAGE);
            supervisor.waitFor(By.cssSelector("#live.on"), PAGE);
            supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-state='READY'] b"), "1", PAGE);
            supervisor.screenshot("wallboard-before");

            String id = "console-" + UUID.randomUUID();
            assertEquals(201, http.post("/api/v1/interactions", admin, "{\"id\":\"" + id + "\",\"channel\":\"CHAT\","
                    + "\"queue\":\"" + queue + "\",\"customer\":\"" + customer + "\",\"entryPoint\":\"shop.example/checkout\","
                    + "\"attributes\":{\"orderId\":\"A-1042\",\"amount\":\"15990\"}}").statusCode());

            agent.waitForText(By.cssSelector(".offer .customer"), customer, PAGE);
            agent.waitForText(By.cssSelector(".offer [data-key='orderId']"), "A-1042", PAGE);
            assertThat(agent.driver().findElement(By.cssSelector(".offer .entry-point")).getText(),
                    containsString("shop.example/checkout"));
            agent.screenshot("offer");
            System.out.println("Agent desktop, event to screen: " + eventToScreen(agent, ".desktop"));
            supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-figure='entered']"), "1", PAGE);
            supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-state='RESERVED'] b"), "1", PAGE);
            System.out.println("Wallboard, event to screen: " + eventToScreen(supervisor, ".wallboard"));

            // Alt+A accepts, as the desktop's shortcut hint says.
            agent.driver().findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "a"));
            agent.waitFor(By.id("end"), PAGE);
            supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-state='BUSY'] b"), "1", PAGE);
            supervisor.waitForText(By.cssSelector("[data-queue='" + queue + "'] [data-figure='answered']"), "1", PAGE);
            supervisor.screenshot("wallboard-busy");

            supervisor.get(appliance.baseUrl() + "/console/#/agents");
            By row = By.cssSelector("tr[data-agent='" + AGENT + "']");
            supervisor.waitFor(By.cssSelector("tr[data-agent='" + AGENT + "'] [data-state='BUSY']"), PAGE);
            assertThat(supervisor.driver().findElement(row).getText(), containsString(id));
            supervisor.screenshot("agents-busy");

            // A value the server refuses: its message shows beside the field it names, and nothing changes.
            supervisor.driver().findElement(By.cssSelector("tr[data-agent='" + AGENT + "'] .edit-skills")).click();
            WebElement skills = supervisor.waitFor(By.id("agent-skills"), PAGE);
            skills.clear();
            skills.sendKeys("nosuchskill=5", Keys.ENTER);
            supervisor.waitForText(By.id("agent-skills-error"), "nosuchskill", PAGE);
            supervisor.screenshot("agents-field-error");
            supervisor.driver().findElement(By.cssSelector("#skills-form .cancel")).click();
            assertThat(http.get("/api/v1/agents/" + AGENT, admin).body(), containsString("\"skills\":{}"));

            agent.driver().findElement(By.id("end")).click();
            new Select(agent.waitFor(By.id("disposition"), PAGE)).selectByValue("sale");
            agent.driver().findElement(By.id("note")).sendKeys("Order A-1042 confirmed");
            // A callback promised for a time already past is refused beside its field; then for tomorrow.
            agent.driver().findElement(By.id("schedule-callback")).click();
            WebElement callbackAt = agent.waitFor(By.id("callback-at"), PAGE);
            typeDateTime(agent, callbackAt, LocalDateTime.now().minusHours(1));
            agent.driver().findElement(By.id("complete")).click();
            agent.waitFor(By.id("callback-at-error"), PAGE);
            typeDateTime(agent, callbackAt, LocalDateTime.now().plusDays(1).withHour(10).withMinute(30));
            agent.screenshot("wrap-up");
            agent.driver().findElement(By.id("complete")).click();
            agent.waitFor(By.id("nothing"), PAGE);
            supervisor.waitForText(By.cssSelector("tr[data-agent='" + AGENT + "'] [data-figure='handled']"), "1", PAGE);
            System.out.println("Agent grid, event to screen: " + eventToScreen(supervisor, ".agent-grid"));
            Await.until("the completion in the history", PAGE, () -> http.get("/api/v1/interactions/" + id + "/history",
                    admin).body().contains("Order A-1042 confirmed"));
            assertThat("the callback is scheduled for the customer", http.get("/api/v1/callbacks", admin).body(),
                    containsString("\"interaction\":\"" + id + "\""));

            // The customer's next contact pops up with this one among their past contacts.
            String next = "console-" + UUID.randomUUID();
            assertEquals(201, http.post("/api/v1/interactions", admin, "{\"id\":\"" + next + "\",\"channel\":\"CHAT\","
                    + "\"queue\":\"" + queue + "\",\"customer\":\"" + customer + "\"}").statusCode());
            agent.waitForText(By.cssSelector(".offer .past"), "Order A-1042 confirmed", PAGE);
            assertThat(agent.driver().findElement(By.cssSelector(".offer .past .disposition")).getText(),
                    containsString("Sale"));
            agent.screenshot("offer-with-past-contacts");
            agent.driver().findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "r"));
            agent.waitFor(By.id("nothing"), PAGE);

            // The contact waits again (the agent is not ready after rejecting): the supervisor reprioritises and drops it.
            supervisor.get(appliance.baseUrl() + "/console/#/wallboard");
            By waiting = By.cssSelector("tr[data-contact='" + next + "']");
            supervisor.waitForText(waiting, customer, PAGE);
            WebElement priority = supervisor.driver().findElement(By.cssSelector("tr[data-contact='" + next + "'] .priority"));
            priority.clear();
            priority.sendKeys("7", Keys.TAB);
            Await.until("the contact reprioritised", PAGE,
                    () -> http.get("/api/v1/interactions/" + next, admin).body().contains("\"priority\":7"));
            supervisor.screenshot("wallboard-waiting");
            supervisor.driver().findElement(By.cssSelector("tr[data-contact='" + next + "'] .drop")).click();
            supervisor.waitFor(By.id("none-waiting"), PAGE);
            assertEquals(404, http.get("/api/v1/interactions/" + next, admin).statusCode());

            agent.waitForText(By.cssSelector("main h2"), "My contacts", PAGE);
            agent.driver().findElement(By.id("language")).click();
            agent.waitForText(By.cssSelector("main h2"), "Мои обращения", PAGE);
            agent.screenshot("desktop-ru");
            supervisor.get(appliance.baseUrl() + "/console/#/wallboard");
            supervisor.waitForText(By.cssSelector("main h1"), "Wallboard", PAGE);
            supervisor.driver().findElement(By.id("language")).click();
            supervisor.waitForText(By.cssSelector("main h1"), "Табло", PAGE);
            supervisor.waitForText(tile, "Отвечено", PAGE);
            supervisor.screenshot("wallboard-ru");

            agent.assertNoConsoleErrorsBut("/api/v1/interactions/" + id + "/complete - Failed to load resource: the server"
                    + " responded with a status of 400");
            supervisor.assertNoConsoleErrorsBut("/api/v1/agents/" + AGENT + " - Failed to load resource: the server responded"
                    + " with a status of 400");
        }
    }

    /**
     * Fills a date-time field as a person's browser would leave it: its value set and an input event sent (typing
     * into it depends on the browser's locale).
     */
    private static void typeDateTime(Browser browser, WebElement field, LocalDateTime at) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field, at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString());
    }

    /** How long the last event took from distribution to the screen, as the page recorded it. */
    private static String eventToScreen(Browser browser, String board) {
        var element = browser.driver().findElement(By.cssSelector(board));
        long at = Long.parseLong(element.getAttribute("data-event-at"));
        long shown = Long.parseLong(element.getAttribute("data-shown-at"));
        return (shown - at) + " ms (" + element.getAttribute("data-event") + ")";
    }

    @Test
    public void adminSeesEveryScreenAndAFieldTheServerRefusesIsMarked() throws Exception {
        String admin = Http.basic("admin", appliance.adminPassword());
        String queue = "form-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open("admin", Browser.LAPTOP)) {
            ConsolePages.signIn(browser, appliance, "admin", appliance.adminPassword(), "#/admin/queues");
            browser.waitFor(By.id("queue-form"), PAGE);
            browser.driver().findElement(By.id("queue-name")).sendKeys(queue);
            WebElement percent = browser.driver().findElement(By.id("queue-serviceLevelPercent"));
            percent.clear();
            percent.sendKeys("150");
            browser.driver().findElement(By.cssSelector("#queue-form button[type='submit']")).click();
            browser.waitForText(By.id("queue-serviceLevelPercent-error"), "from 1 to 100", PAGE);
            browser.screenshot("queue-field-error");
            assertEquals("nothing is saved from a refused form", 404,
                    appliance.http().get("/api/v1/queues/" + queue, admin).statusCode());

            percent.clear();
            percent.sendKeys("90");
            browser.driver().findElement(By.cssSelector("#queue-form button[type='submit']")).click();
            browser.waitFor(By.cssSelector("#queue-form .notice"), PAGE);
            assertThat(appliance.http().get("/api/v1/queues/" + queue, admin).body(),
                    containsString("\"serviceLevelPercent\":90"));

            // Every screen, in both languages, for the record and for what a person reads first on it.
            for (String language : new String[] {"en", "ru"}) {
                for (String screen : new String[] {"desktop", "wallboard", "agents", "reports", "admin/agents",
                        "admin/groups", "admin/skills", "admin/queues", "admin/reasons", "admin/dispositions",
                        "admin/flows", "admin/entry-points", "admin/users"}) {
                    browser.get(appliance.baseUrl() + "/console/#/" + screen);
                    browser.waitFor(By.cssSelector(screen.startsWith("admin/")
                            ? "main.screen-admin a.active[href='#/" + screen + "']" : "main.screen-" + screen), PAGE);
                    browser.screenshot(language + "-" + screen.replace('/', '-'));
                }
                browser.waitForText(By.cssSelector("main"), language.equals("en") ? "Users" : "Пользователи", PAGE);
                if (language.equals("en")) {
                    browser.driver().findElement(By.id("language")).click();
                    browser.waitForText(By.id("sign-out"), "Выйти", PAGE);
                }
            }
            browser.get(appliance.baseUrl() + "/console/#/reports");
            browser.waitFor(By.cssSelector("#agent-state-report canvas"), PAGE);
            browser.assertNoConsoleErrorsBut("/api/v1/queues/" + queue + " - Failed to load resource: the server responded"
                    + " with a status of 400");
        }
        assertEquals(204, appliance.http().delete("/api/v1/queues/" + queue, admin).statusCode());
    }

    @Test
    public void startPageIsRevalidatedAndLockedDown() throws Exception {
        HttpResponse<Void> index = head("/console/index.html", "");

        assertEquals(200, index.statusCode());
        assertThat(index.headers().firstValue("Content-Type").orElse(""), containsString("text/html"));
        assertEquals("no-cache", index.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("nosniff", index.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertThat(index.headers().firstValue("Content-Security-Policy").orElse(""), containsString("script-src 'self'"));
        String etag = index.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("no ETag"));
        assertEquals(304, head("/console/index.html", etag).statusCode());
        assertEquals(404, head("/console/no-such-file.js", "").statusCode());
    }

    private static HttpResponse<Void> head(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appliance.baseUrl() + path))
                .method("HEAD", HttpRequest.BodyPublishers.noBody());
        if (!ifNoneMatch.isEmpty()) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding());
    }
}
