package org.switchboard.shell.commands;

import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Skill;

public class SkillsCommandTest {

    @Test
    public void eachSkillIsShownWithItsDescriptionAndHowManyAgentsHaveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SkillsCommand.print(List.of(new Skill("returns", "Returns and exchanges"), new Skill("russian", "")),
                List.of(agent("anna", "russian"), agent("boris", "russian")),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertThat(printed, containsString("Skill"));
        assertThat(printed.lines().filter(line -> line.contains("returns")).findFirst().orElseThrow(),
                containsString("Returns and exchanges | 0"));
        assertThat(printed.lines().filter(line -> line.contains("russian")).findFirst().orElseThrow(),
                containsString("| 2"));
    }

    private static AgentProfile agent(String login, String skill) {
        return new AgentProfile(login, login, null, Set.of(), Map.of(skill, 5), Map.of());
    }
}
