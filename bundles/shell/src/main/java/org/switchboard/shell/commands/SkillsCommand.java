package org.switchboard.shell.commands;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Skill;

/** {@code cc:skills}: the skill catalogue, with how many agents have each skill. */
@Command(scope = "cc", name = "skills", description = "Lists the skill catalogue: name, description, agents with it")
@Service
public class SkillsCommand implements Action {

    @Reference
    AcdConfigStore config;

    @Override
    public Object execute() {
        print(config.skills(), config.agents(), System.out);
        return null;
    }

    static void print(List<Skill> skills, List<AgentProfile> agents, PrintStream out) {
        Map<String, Long> holders = agents.stream().flatMap(agent -> agent.skills().keySet().stream())
                .collect(Collectors.groupingBy(skill -> skill, Collectors.counting()));
        ShellTable table = new ShellTable();
        table.column("Skill");
        table.column("Description");
        table.column("Agents");
        for (Skill skill : skills) {
            table.addRow().addContent(skill.name(), skill.description(), holders.getOrDefault(skill.name(), 0L));
        }
        table.print(out);
    }
}
