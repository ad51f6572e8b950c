package org.switchboard.itests;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** What browser tests do on the console's pages that is not about one test: signing in. */
final class ConsolePages {

    static final Duration PAGE = Duration.ofSeconds(30);

    private ConsolePages() {
    }

    /** Signs in to the console at a screen ({@code #/agents}..., or "" for the user's first) and waits for it. */
    static void signIn(Browser browser, ApplianceProcess appliance, String user, String password, String screen) {
        browser.get(appliance.baseUrl() + "/console/" + screen);
        browser.waitFor(By.id("username"), PAGE).sendKeys(user);
        browser.driver().findElement(By.id("password")).sendKeys(password, Keys.ENTER);
        browser.waitFor(By.id("sign-out"), PAGE);
    }
}
