-- Flows (IVR scenarios) as JSON documents, and the numbers that lead to them.
CREATE TABLE flow (
    name       VARCHAR(128) NOT NULL PRIMARY KEY,
    document   VARCHAR(1000000) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE entry_point (
    number    VARCHAR(128) NOT NULL PRIMARY KEY,
    flow_name VARCHAR(128) NOT NULL REFERENCES flow (name)
);
