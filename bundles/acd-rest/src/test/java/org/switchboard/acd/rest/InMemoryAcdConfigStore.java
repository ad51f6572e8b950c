package org.switchboard.acd.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Code;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.Skill;

/** The configuration store in memory, for resource tests without a database. */
class InMemoryAcdConfigStore implements AcdConfigStore {

    final Map<String, QueueDefinition> queues = new TreeMap<>();
    final Map<String, AgentProfile> agents = new TreeMap<>();
    final Map<String, Code> codes = new TreeMap<>();
    final Map<String, Skill> skills = new TreeMap<>();

    @Override
    public List<QueueDefinition> queues() {
        return new ArrayList<>(queues.values());
    }

    @Override
    public void saveQueue(QueueDefinition queue) {
        queues.put(queue.name(), queue);
    }

    @Override
    public boolean deleteQueue(String name) {
        return queues.remove(name) != null;
    }

    @Override
    public List<AgentProfile> agents() {
        return new ArrayList<>(agents.values());
    }

    @Override
    public Optional<AgentProfile> agent(String login) {
        return Optional.ofNullable(agents.get(login));
    }

    @Override
    public void saveAgent(AgentProfile agent) {
        agents.put(agent.login(), agent);
    }

    @Override
    public boolean deleteAgent(String login) {
        return agents.remove(login) != null;
    }

    @Override
    public List<Code> codes(CodeKind kind) {
        return codes.values().stream().filter(code -> code.kind() == kind).toList();
    }

    @Override
    public void saveCode(Code code) {
        codes.put(code.kind() + "/" + code.code(), code);
    }

    @Override
    public boolean deleteCode(CodeKind kind, String code) {
        return codes.remove(kind + "/" + code) != null;
    }

    @Override
    public List<Skill> skills() {
        return new ArrayList<>(skills.values());
    }

    @Override
    public void saveSkill(Skill skill) {
        skills.put(skill.name(), skill);
    }

    @Override
    public boolean deleteSkill(String name) {
        return skills.remove(name) != null;
    }
}
