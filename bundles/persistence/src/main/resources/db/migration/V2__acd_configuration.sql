-- Queues and their routing rules.
CREATE TABLE acd_queue (
    name                    VARCHAR(128) PRIMARY KEY,
    strategy                VARCHAR(32)  NOT NULL,
    priority_weight_seconds INTEGER      NOT NULL,
    offer_timeout_seconds   INTEGER      NOT NULL,
    wrap_up_seconds         INTEGER      NOT NULL,
    max_length              INTEGER      NOT NULL,
    blending                BOOLEAN      NOT NULL
);

-- Agent groups that serve a queue (none: any agent with the skills).
CREATE TABLE acd_queue_group (
    queue_name VARCHAR(128) NOT NULL REFERENCES acd_queue (name) ON DELETE CASCADE,
    group_name VARCHAR(128) NOT NULL,
    PRIMARY KEY (queue_name, group_name)
);

-- Agents as configured.
CREATE TABLE acd_agent (
    login VARCHAR(128) PRIMARY KEY,
    name  VARCHAR(256) NOT NULL,
    site  VARCHAR(128)
);

CREATE TABLE acd_agent_group (
    login      VARCHAR(128) NOT NULL REFERENCES acd_agent (login) ON DELETE CASCADE,
    group_name VARCHAR(128) NOT NULL,
    PRIMARY KEY (login, group_name)
);

CREATE TABLE acd_agent_skill (
    login VARCHAR(128) NOT NULL REFERENCES acd_agent (login) ON DELETE CASCADE,
    skill VARCHAR(128) NOT NULL,
    level INTEGER      NOT NULL,
    PRIMARY KEY (login, skill)
);

-- How many interactions of a channel an agent handles at once.
CREATE TABLE acd_agent_capacity (
    login   VARCHAR(128) NOT NULL REFERENCES acd_agent (login) ON DELETE CASCADE,
    channel VARCHAR(32)  NOT NULL,
    slots   INTEGER      NOT NULL,
    PRIMARY KEY (login, channel)
);
