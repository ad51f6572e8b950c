package org.switchboard.api.acd;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** The configured queues, agents, code lists and skill catalogue, kept across restarts. */
@ProviderType
public interface AcdConfigStore {

    List<QueueDefinition> queues();

    void saveQueue(QueueDefinition queue);

    /** False when there was no such queue. */
    boolean deleteQueue(String name);

    List<AgentProfile> agents();

    Optional<AgentProfile> agent(String login);

    void saveAgent(AgentProfile agent);

    /** False when there was no such agent. */
    boolean deleteAgent(String login);

    /** The codes of one list, ordered by code. */
    List<Code> codes(CodeKind kind);

    void saveCode(Code code);

    /** False when there was no such code. */
    boolean deleteCode(CodeKind kind, String code);

    /** The skill catalogue, ordered by name. */
    List<Skill> skills();

    /** Adds a skill or changes its description. */
    void saveSkill(Skill skill);

    /** False when there was no such skill; throws IllegalStateException while an agent still has it. */
    boolean deleteSkill(String name);
}
