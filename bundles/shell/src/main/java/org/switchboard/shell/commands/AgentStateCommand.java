package org.switchboard.shell.commands;

import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AcdService;
import org.switchboard.api.acd.Code;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.AgentView;

/** {@code cc:agent-state LOGIN [ready | not-ready REASON]}: shows or sets a signed-in agent's state. */
@Command(scope = "cc", name = "agent-state", description = "Shows an agent's state, or sets it: ready, or not-ready with a reason")
@Service
public class AgentStateCommand implements Action {

    @Reference
    AcdService acd;

    @Reference
    AcdConfigStore config;

    @Argument(index = 0, name = "login", required = true, description = "The agent's login")
    String login;

    @Argument(index = 1, name = "state", description = "ready or not-ready")
    String state;

    @Argument(index = 2, name = "reason", description = "The not-ready reason")
    String reason;

    private String listedReason() {
        List<String> reasons = config.codes(CodeKind.REASON).stream().map(Code::code).toList();
        if (reason == null || !reasons.contains(reason)) {
            throw new IllegalArgumentException("reason must be one of " + reasons + ", not '" + reason + "'");
        }
        return reason;
    }

    @Override
    public Object execute() {
        if (state != null) {
            switch (state.toLowerCase(Locale.ROOT)) {
                case "ready" -> acd.ready(login);
                case "not-ready" -> acd.notReady(login, listedReason());
                default -> throw new IllegalArgumentException("state must be 'ready' or 'not-ready', not '" + state + "'");
            }
        }
        AgentView agent = acd.agent(login)
                .orElseThrow(() -> new IllegalArgumentException("Agent '" + login + "' is not signed in"));
        System.out.println(agent.login() + "  " + agent.state() + (agent.reason() == null ? "" : " (" + agent.reason() + ")")
                + "  since " + agent.since() + "  handled " + agent.handled());
        return null;
    }
}
