package org.switchboard.shell.commands;

import java.time.Duration;
import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;

/** {@code cc:agents}: agents signed in to distribution, their state, time in it and work in hand. */
@Command(scope = "cc", name = "agents", description = "Lists signed-in agents: state, reason, time in state, handled")
@Service
public class AgentsCommand implements Action {

    @Reference
    AcdService acd;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Agent");
        table.column("State");
        table.column("Reason");
        table.column("In state");
        table.column("Handled");
        table.column("Interactions");
        Instant now = Instant.now();
        for (AgentView agent : acd.agents()) {
            table.addRow().addContent(agent.login(), agent.state(), agent.reason() == null ? "" : agent.reason(),
                    StatusCommand.readable(Duration.between(agent.since(), now)), agent.handled(),
                    String.join(",", agent.interactions()));
        }
        table.print(System.out);
        return null;
    }
}
