package org.switchboard.shell.commands;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.QueueView;

/** {@code cc:queues}: every queue with its strategy and how many contacts wait. */
@Command(scope = "cc", name = "queues", description = "Lists queues: strategy, groups, waiting contacts")
@Service
public class QueuesCommand implements Action {

    @Reference
    AcdService acd;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Queue");
        table.column("Strategy");
        table.column("Groups");
        table.column("Wrap-up s");
        table.column("Waiting");
        for (QueueView queue : acd.queues()) {
            QueueDefinition rules = queue.definition();
            table.addRow().addContent(rules.name(), rules.strategy(), String.join(",", rules.groups()),
                    rules.wrapUp().toSeconds(), queue.waiting().size());
        }
        table.print(System.out);
        return null;
    }
}
