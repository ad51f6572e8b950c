package org.switchboard.shell.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.time.Duration;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.node.FeatureInfo;
import org.switchboard.api.node.NodeStatus;
import org.switchboard.api.node.NodeStatusService;
import org.switchboard.api.node.StatusReport;

/** {@code cc:status}: the node's health, as the health endpoint reports it. */
@Command(scope = "cc", name = "status", description = "Shows this node's status: version, uptime, database, features")
@Service
public class StatusCommand implements Action {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    @Reference
    NodeStatusService node;

    @Option(name = "--json", description = "Print the status as JSON")
    boolean json;

    @Override
    public Object execute() throws Exception {
        NodeStatus status = node.status();
        if (json) {
            System.out.println(JSON.writeValueAsString(StatusReport.of(status)));
        } else {
            print(status, System.out);
        }
        return null;
    }

    static void print(NodeStatus status, PrintStream out) {
        out.printf("Node       %s%n", status.node());
        out.printf("Status     %s%n", status.status());
        out.printf("Version    %s%n", status.version());
        out.printf("Started    %s (up %s)%n", status.startedAt(), readable(Duration.ofSeconds(status.uptimeSeconds())));
        out.printf("Database   %s  %s%n", status.database().status(),
                status.database().detail() == null ? "" : status.database().detail());
        ShellTable table = new ShellTable();
        table.column("Feature");
        table.column("Version");
        table.column("State");
        for (FeatureInfo feature : status.features()) {
            table.addRow().addContent(feature.name(), feature.version(), feature.state());
        }
        table.print(out);
    }

    static String readable(Duration uptime) {
        return String.format("%dd %02dh %02dm %02ds", uptime.toDays(), uptime.toHoursPart(), uptime.toMinutesPart(),
                uptime.toSecondsPart());
    }
}
