-- Widening rules of a queue: after a wait, lower the skill levels required and add groups (overflow, other sites).
CREATE TABLE acd_queue_widening (
    queue_name      VARCHAR(128)  NOT NULL REFERENCES acd_queue (name) ON DELETE CASCADE,
    after_seconds   INTEGER       NOT NULL,
    lower_levels_by INTEGER       NOT NULL,
    add_groups      VARCHAR(2048) NOT NULL,
    PRIMARY KEY (queue_name, after_seconds)
);
