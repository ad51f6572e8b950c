package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium against the appliance run as a process: it loads without errors for an agent
 * and a supervisor at once. Asserts nothing about the console's texts, which change with it.
 */
public class ConsoleBrowserIT {

    private static final Duration PAGE = Duration.ofSeconds(30);

    private static ApplianceProcess appliance;

    @BeforeClass
    public static void startAppliance() throws Exception {
        appliance = ApplianceProcess.create();
        // JUnit runs @AfterClass even when this fails, so a half-started appliance is still stopped.
        appliance.start();
    }

    @AfterClass
    public static void stopAppliance() throws Exception {
        if (appliance == null) {
            return;
        }
        try {
            appliance.stop();
            LogChecker.assertNoUnexpectedErrors(appliance.log(), LogChecker.KARAF_NOISE);
        } finally {
            appliance.close();
        }
    }

    @Test
    public void consoleLoadsCleanlyForTwoPeopleAtOnce() throws Exception {
        try (Browser agent = Browser.open("agent", Browser.LAPTOP);
             Browser supervisor = Browser.open("supervisor", Browser.FULL_HD)) {
            for (Browser browser : new Browser[] {agent, supervisor}) {
                browser.get(appliance.baseUrl() + "/console/");
            }
            for (Browser browser : new Browser[] {agent, supervisor}) {
                assertLoaded(browser);
            }
        }
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

    private static void assertLoaded(Browser browser) throws Exception {
        browser.waitForTitle("Switchboard", PAGE);
        // A script-built page fills its body after load: wait for text rather than read it once.
        new WebDriverWait(browser.driver(), PAGE).until(d -> !d.findElement(By.tagName("body")).getText().isBlank());
        LoadFigures figures = browser.firstLoadFigures();
        Path screenshot = browser.screenshot("console");
        System.out.println(browser.label() + " first load: " + figures + "; screenshot " + screenshot.toAbsolutePath());
        assertTrue(Files.size(screenshot) > 0);
        browser.assertNoConsoleErrors();
    }
}
