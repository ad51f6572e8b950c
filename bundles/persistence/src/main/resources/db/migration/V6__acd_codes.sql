-- Code lists: not-ready reasons and wrap-up dispositions, with a few to start from.
CREATE TABLE acd_code (
    kind  VARCHAR(16)  NOT NULL,
    code  VARCHAR(128) NOT NULL,
    label VARCHAR(256) NOT NULL,
    PRIMARY KEY (kind, code)
);

INSERT INTO acd_code (kind, code, label) VALUES ('REASON', 'break', 'Break');
INSERT INTO acd_code (kind, code, label) VALUES ('REASON', 'lunch', 'Lunch');
INSERT INTO acd_code (kind, code, label) VALUES ('REASON', 'training', 'Training');
INSERT INTO acd_code (kind, code, label) VALUES ('REASON', 'meeting', 'Meeting');
INSERT INTO acd_code (kind, code, label) VALUES ('REASON', 'after-call-work', 'After-call work');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'resolved', 'Resolved');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'sale', 'Sale');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'order-changed', 'Order changed');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'order-cancelled', 'Order cancelled');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'callback', 'Callback agreed');
INSERT INTO acd_code (kind, code, label) VALUES ('DISPOSITION', 'no-answer', 'No answer');
