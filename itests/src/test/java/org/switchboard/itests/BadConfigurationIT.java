package org.switchboard.itests;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThat;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.Test;
import org.ops4j.pax.exam.Option;

/** A bad value in a .cfg file is reported naming PID, key and value, and the appliance keeps running. */
public class BadConfigurationIT extends ApplianceTestSupport {

    private static final Pattern REPORT = Pattern.compile(
            "Configuration org\\.switchboard\\.sip: key 'max\\.calls' has invalid value 'lots'");

    @Override
    protected Option[] extraOptions() {
        return new Option[] {editConfigurationFilePut("etc/org.switchboard.sip.cfg", "max.calls", "lots")};
    }

    @Override
    protected List<Pattern> expectedErrors() {
        return List.of(REPORT);
    }

    @Test
    public void aBadNumberIsReportedAndTheDefaultApplies() throws Exception {
        awaitHealthy();
        Await.until("the report in the log", Duration.ofSeconds(30),
                () -> REPORT.matcher(Files.readString(karafData().resolve("log/karaf.log"))).find());

        assertEquals(200, http().get("/api/v1/node", Http.basic("admin", adminPassword())).statusCode());
        assertThat(Files.readString(karafData().resolve("log/karaf.log")), containsString("at most 500 calls"));
    }
}
