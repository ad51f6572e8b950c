package org.switchboard.itests;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Boots the built Switchboard distribution (not a vanilla Karaf) on free ports, offline, and runs the
 * test inside it. Every test fails if the appliance logged an ERROR the test did not expect.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class ApplianceTestSupport {

    private static final String KARAF_VERSION = System.getProperty("karaf.version", "4.4.10");

    /** Regular-agent credentials written into the realm before boot. */
    protected static final String AGENT = "it-agent";
    protected static final String AGENT_PASSWORD = "agent-secret-1";

    /** Whether this container's appliance has been seen up without a break once (one container per class). */
    private static boolean settled;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        int httpPort = FreePorts.next();
        int sipPort = FreePorts.pair(); // SIP listens on UDP too: pair() checks UDP as well as TCP
        int rtpBase = 40_000 + 2 * (int) (Math.random() * 4_000);
        String localRepository = System.getProperty("maven.repo.local",
                System.getProperty("user.home") + "/.m2/repository");
        MavenArtifactUrlReference appliance = maven().groupId("org.switchboard").artifactId("switchboard-assembly")
                .type("tar.gz").versionAsInProject();
        List<Option> options = new ArrayList<>(List.of(
                karafDistributionConfiguration().frameworkUrl(appliance).name("Switchboard")
                        .unpackDirectory(new File("target/exam")).useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                logLevel(LogLevel.INFO),
                // What bin/karaf passes on Java 9+, and Pax Exam does not: the specs locator patched into java.base.
                vmOptions("--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "-Djdk.util.zip.disableZip64ExtraFieldValidation=true"),
                // Pax Exam's probe waits this long (10 s by default) for Pax Exam's own invoker and injector to start
                // inside the appliance; a boot on a loaded machine takes longer, and a probe that gave up leaves the
                // test run hanging instead of failing.
                systemProperty("org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT").value("180000"),
                systemProperty("org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT")
                        .value("180000"),
                systemProperty("switchboard.it.http.port").value(String.valueOf(httpPort)),
                systemProperty("switchboard.it.sip.port").value(String.valueOf(sipPort)),
                systemProperty("switchboard.it.resources").value(new File("src/test/resources").getAbsolutePath()),
                systemProperty("switchboard.it.work").value(new File("target/it-work").getAbsolutePath()),
                editConfigurationFilePut("etc/org.switchboard.sip.cfg", "port", String.valueOf(sipPort)),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "rtp.port.min", String.valueOf(rtpBase)),
                editConfigurationFilePut("etc/org.switchboard.media.cfg", "rtp.port.max", String.valueOf(rtpBase + 999)),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port",
                        String.valueOf(httpPort)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort",
                        String.valueOf(FreePorts.next())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort",
                        String.valueOf(FreePorts.next())),
                // Pax Exam's own bundles come from the local Maven repository, still without any download.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "file:${karaf.home}/${karaf.default.repository}@id=system.repository@snapshots,"
                                + "file:" + localRepository + "@id=m2@snapshots"),
                editConfigurationFilePut("etc/users.properties", AGENT, AGENT_PASSWORD + ",_g_:agentgroup")));
        if (Boolean.getBoolean("switchboard.it.keep")) {
            // -Dswitchboard.it.keep=true keeps the appliance's folder (its log) under target/exam after the run.
            options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        options.addAll(List.of(extraOptions()));
        return options.toArray(new Option[0]);
    }

    /** Further options of a test class, such as a bad configuration value. */
    protected Option[] extraOptions() {
        return new Option[0];
    }

    /** Log lines at ERROR that this test class provokes on purpose. */
    protected List<Pattern> expectedErrors() {
        return List.of();
    }

    @After
    public void noUnexpectedErrors() throws Exception {
        List<Pattern> expected = new ArrayList<>(LogChecker.KARAF_NOISE);
        expected.addAll(expectedErrors());
        LogChecker.assertNoUnexpectedErrors(karafData().resolve("log/karaf.log"), expected);
    }

    protected Path karafData() {
        return Path.of(System.getProperty("karaf.data"));
    }

    protected int sipPort() {
        return Integer.getInteger("switchboard.it.sip.port");
    }

    /** A folder of this test's own under itests/target, for peers' files and logs. */
    protected Path workFolder(String name) throws java.io.IOException {
        Path folder = Path.of(System.getProperty("switchboard.it.work"), getClass().getSimpleName(),
                name + "-" + UUID.randomUUID().toString().substring(0, 8));
        return Files.createDirectories(folder);
    }

    protected Http http() {
        return new Http(Integer.getInteger("switchboard.it.http.port"));
    }

    protected String adminPassword() throws Exception {
        Path file = karafData().resolve("admin.password");
        Await.until("the generated admin password", Duration.ofSeconds(60), () -> Files.exists(file));
        return Files.readString(file).trim();
    }

    /**
     * Waits until the health endpoint answers UP, i.e. the whole appliance is ready. On a time-out the failure
     * carries the last answer, which says which part (database, a feature, the REST application) was down.
     */
    protected void awaitHealthy() throws Exception {
        HealthProbe probe = new HealthProbe(http());
        try {
            if (!settled) {
                // Boot features still installing (voice) republish the REST application as their resources come.
                Await.until("boot features installed", Duration.ofSeconds(120),
                        () -> bundleContext.getServiceReference("org.apache.karaf.features.BootFinished") != null);
            }
            Await.until("health UP", Duration.ofSeconds(90), probe::isUp);
            if (!settled) {
                Await.settled("health UP", Duration.ofSeconds(2), probe::isUp);
                settled = true;
            }
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; " + probe.lastAnswer(), timedOut);
        }
    }

    /**
     * Sets up a queue serving its own group and an agent of that group who signs in with their own user and goes
     * ready; answers the agent's Basic authorization.
     */
    protected String readyAgentOfItsOwnQueue(String admin, String queue, String agent, int wrapUpSeconds)
            throws Exception {
        assertEquals(200, http().put("/api/v1/queues/" + queue, admin,
                "{\"groups\":[\"" + queue + "\"],\"wrapUpSeconds\":" + wrapUpSeconds + "}").statusCode());
        assertEquals(200, http().put("/api/v1/agents/" + agent, admin,
                "{\"groups\":[\"" + queue + "\"],\"capacity\":{\"VOICE\":1,\"CHAT\":1}}").statusCode());
        String password = "secret-" + UUID.randomUUID();
        assertEquals(201, http().put("/api/v1/users/" + agent, admin,
                "{\"password\":\"" + password + "\",\"roles\":[\"agent\"]}").statusCode());
        String agentRole = Http.basic(agent, password);
        assertEquals(200, http().post("/api/v1/agents/" + agent + "/login", agentRole, "").statusCode());
        assertEquals(200, http().put("/api/v1/agents/" + agent + "/state", agentRole,
                "{\"state\":\"READY\"}").statusCode());
        return agentRole;
    }

    /** Runs a console command as the admin user and returns what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(System.in, out, out);
        try {
            Object result = session.execute(command);
            if (result != null) {
                out.println(result);
            }
        } finally {
            session.close();
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
