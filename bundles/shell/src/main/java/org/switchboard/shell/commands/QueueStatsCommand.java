package org.switchboard.shell.commands;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.QueueFigures;
import org.switchboard.api.acd.QueueView;

/** {@code cc:queue-stats}: each queue's live figures of the day. */
@Command(scope = "cc", name = "queue-stats", description = "Live queue figures: waiting, longest wait, service level, ASA, abandoned, AHT")
@Service
public class QueueStatsCommand implements Action {

    @Reference
    AcdService acd;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        for (String column : new String[] {"Queue", "Waiting", "Longest s", "Entered", "Answered", "SL %", "Goal",
                "ASA s", "Abandoned", "Short", "AHT s"}) {
            table.column(column);
        }
        for (QueueView queue : acd.queues()) {
            acd.figures(queue.definition().name()).ifPresent(figures -> row(table, figures));
        }
        table.print(System.out);
        return null;
    }

    private static void row(ShellTable table, QueueFigures f) {
        table.addRow().addContent(f.queue(), f.waiting(), f.longestWaitSeconds(), f.entered(), f.answered(),
                format(f.serviceLevelPercent()),
                f.serviceLevelGoal().targetPercent() + "/" + f.serviceLevelGoal().threshold().toSeconds(),
                format(f.averageSpeedOfAnswerSeconds()), f.abandoned(), f.shortAbandoned(),
                format(f.averageHandleTimeSeconds()));
    }

    private static String format(Double value) {
        return value == null ? "-" : String.format("%.1f", value);
    }
}
