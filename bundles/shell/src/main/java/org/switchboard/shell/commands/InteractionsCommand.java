package org.switchboard.shell.commands;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.AgentView;
import org.switchboard.api.acd.QueueView;

/** {@code cc:interactions}: the interactions in distribution now, waiting in queues or in agents' hands. */
@Command(scope = "cc", name = "interactions", description = "Lists interactions waiting in queues and in agents' hands")
@Service
public class InteractionsCommand implements Action {

    @Reference
    AcdService acd;

    @Option(name = "--queue", description = "Only this queue's waiting contacts")
    String queue;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Interaction");
        table.column("Where");
        table.column("Position / agent");
        for (QueueView view : acd.queues()) {
            if (queue == null || queue.equals(view.definition().name())) {
                for (int i = 0; i < view.waiting().size(); i++) {
                    table.addRow().addContent(view.waiting().get(i), "queue " + view.definition().name(), i + 1);
                }
            }
        }
        if (queue == null) {
            for (AgentView agent : acd.agents()) {
                for (String id : agent.interactions()) {
                    table.addRow().addContent(id, agent.state(), agent.login());
                }
            }
        }
        table.print(System.out);
        return null;
    }
}
