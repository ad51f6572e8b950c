-- The skill catalogue: agents' skills and interactions' requirements must name a skill listed here.
CREATE TABLE acd_skill (
    name        VARCHAR(128) PRIMARY KEY,
    description VARCHAR(256) DEFAULT '' NOT NULL
);

-- A few to start from, as the code lists have (the README's examples use them).
INSERT INTO acd_skill (name, description) VALUES ('english', 'Speaks English');
INSERT INTO acd_skill (name, description) VALUES ('russian', 'Speaks Russian');
INSERT INTO acd_skill (name, description) VALUES ('returns', 'Returns and exchanges');

-- Skills agents already have stay valid. Queues' widening steps name groups, not skills, so agents are the only users.
INSERT INTO acd_skill (name, description)
    SELECT DISTINCT skill, '' FROM acd_agent_skill WHERE skill NOT IN (SELECT name FROM acd_skill);

-- The database keeps agents' skills inside the catalogue, even when two requests race.
ALTER TABLE acd_agent_skill ADD CONSTRAINT acd_agent_skill_catalogue FOREIGN KEY (skill) REFERENCES acd_skill (name);
