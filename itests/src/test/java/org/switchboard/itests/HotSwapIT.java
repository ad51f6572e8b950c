package org.switchboard.itests;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import java.util.EnumSet;
import org.apache.karaf.features.FeaturesService;
import org.junit.Test;

/** A capability is uninstalled and installed again at run time while the rest keeps serving. */
public class HotSwapIT extends ApplianceTestSupport {

    private static final EnumSet<FeaturesService.Option> QUIET = EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    @Test
    public void consoleComesAndGoesWithoutDisturbingTheApi() throws Exception {
        awaitHealthy();
        String admin = Http.basic("admin", adminPassword());
        assertEquals(200, http().get("/console/index.html", null).statusCode());

        features.uninstallFeature("switchboard-console", QUIET);

        Await.until("console gone", Duration.ofSeconds(30),
                () -> http().get("/console/index.html", null).statusCode() == 404);
        assertEquals(200, http().get("/api/v1/health", null).statusCode());
        assertEquals(200, http().get("/api/v1/node", admin).statusCode());

        features.installFeature("switchboard-console", QUIET);

        Await.until("console back", Duration.ofSeconds(30),
                () -> http().get("/console/index.html", null).statusCode() == 200);
        assertEquals(200, http().get("/api/v1/node", admin).statusCode());
    }

    @Test
    public void shellCommandsComeAndGo() throws Exception {
        awaitHealthy();
        features.uninstallFeature("switchboard-shell", QUIET);
        Await.until("cc:status gone", Duration.ofSeconds(30), () -> !commandExists());
        assertEquals(200, http().get("/api/v1/health", null).statusCode());

        features.installFeature("switchboard-shell", QUIET);
        Await.until("cc:status back", Duration.ofSeconds(30), this::commandExists);
    }

    private boolean commandExists() {
        try {
            return shell("cc:status").contains("Database");
        } catch (Exception notThere) {
            return false;
        }
    }
}
