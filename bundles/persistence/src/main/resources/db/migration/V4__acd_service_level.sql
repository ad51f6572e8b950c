-- Each queue's service-level goal: percent of contacts answered within a threshold (80 % in 20 s by default).
ALTER TABLE acd_queue ADD COLUMN service_level_seconds INTEGER DEFAULT 20 NOT NULL;
ALTER TABLE acd_queue ADD COLUMN service_level_percent INTEGER DEFAULT 80 NOT NULL;
