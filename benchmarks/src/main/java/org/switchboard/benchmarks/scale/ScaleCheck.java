package org.switchboard.benchmarks.scale;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;

/**
 * Scale check of a running appliance over its REST API: defines a few queues, creates and signs in thousands
 * of agents, makes them ready, then keeps contacts flowing for a while; prints how long each phase took, the
 * requests per second achieved, REST latencies, and the appliance's heap, RSS and CPU. Started by
 * {@code benchmarks/scale-check.sh}, which runs and stops the appliance.
 */
public final class ScaleCheck {

    private static final List<String> FLOW_KINDS = List.of("submit", "accept", "end", "complete");

    private ScaleCheck() {
    }

    /** Arguments {@code key=value}: base= password= [user=admin pid= clktck=100 agents=2500 seconds=120 rate=20 talk=90 wrapup=2 parallel=4]. */
    public static void main(String[] args) throws Exception {
        ScaleOptions options = ScaleOptions.parse(args);
        RequestLatencies latencies = new RequestLatencies();
        ApplianceClient client = new ApplianceClient(options.base(), options.user(), options.password(), latencies);
        ProcessProbe probe = new ProcessProbe(options.pid(), options.clockTicksPerSecond());
        PhaseReport report = new PhaseReport(options, latencies);

        HttpResponse<String> health = client.get("/health");
        System.out.printf(Locale.ROOT, "health %d: %s%n", health.statusCode(), health.body());
        report.memory("started, no agents", probe);

        for (String skill : ScaleCentre.SKILLS) {
            // The skill catalogue: named skills must exist before agents or contacts use them.
            client.send("setup", "PUT", "/skills/" + skill, "{\"description\":\"" + skill + "\"}");
        }
        for (ScaleCentre.Queue queue : ScaleCentre.QUEUES) {
            client.send("setup", "PUT", "/queues/" + queue.name(), queue.body());
        }
        report.phase("create agents (PUT /agents/{login})", "create", ParallelRequests.run(options.agents(),
                options.parallel(), i -> client.send("create", "PUT", "/agents/" + ScaleCentre.login(i),
                        ScaleCentre.agentBody(i))));
        report.phase("log in agents (POST /agents/{login}/login)", "login", ParallelRequests.run(options.agents(),
                options.parallel(), i -> client.send("login", "POST", "/agents/" + ScaleCentre.login(i) + "/login",
                        "{}")));
        report.phase("make agents ready (PUT /agents/{login}/state)", "ready", ParallelRequests.run(options.agents(),
                options.parallel(), i -> client.send("ready", "PUT", "/agents/" + ScaleCentre.login(i) + "/state",
                        "{\"state\":\"READY\"}")));
        long listBegan = System.nanoTime();
        HttpResponse<String> agents = client.get("/agents");
        long listNanos = System.nanoTime() - listBegan;
        int ready = agents.body().split("\"state\":\"READY\"", -1).length - 1;
        System.out.printf(Locale.ROOT, "GET /agents: %d READY of %d configured, %,d bytes in %.0f ms%n", ready,
                options.agents(), agents.body().length(), listNanos / 1e6);
        report.memory(String.format(Locale.ROOT, "%,d agents ready, idle", options.agents()), probe);

        ContactFlow flow = new ContactFlow(client, options);
        try (EventFeed feed = new EventFeed(client, flow::offered)) {
            feed.open();
            double cpuBefore = probe.cpuSeconds();
            long began = System.nanoTime();
            flow.run();
            long flowNanos = System.nanoTime() - began;
            double cpu = probe.cpuSeconds() - cpuBefore;
            report.flow(flow, flowNanos, FLOW_KINDS, cpu, feed.events());
        }
        report.memory(String.format(Locale.ROOT, "after %d s of contacts", options.seconds()), probe);
        report.print();
    }
}
