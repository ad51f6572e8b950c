package org.switchboard.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.flow.FlowStore;

/** Flows in the {@code flow} table, entry points in {@code entry_point}. */
@Component
public class JdbcFlowStore implements FlowStore {

    @Reference
    SwitchboardDatabase database;

    @Override
    public Map<String, String> flows() {
        Map<String, String> flows = new LinkedHashMap<>();
        Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT name, document FROM flow ORDER BY name", row -> flows.put(row.getString(1), row.getString(2))));
        return flows;
    }

    @Override
    public void saveFlow(String name, String json) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Jdbc.inTransaction(database.dataSource(), connection -> {
            if (Jdbc.update(connection, "UPDATE flow SET document = ?, updated_at = ? WHERE name = ?", json, now, name) == 0) {
                Jdbc.update(connection, "INSERT INTO flow (name, document, updated_at) VALUES (?, ?, ?)", name, json, now);
            }
            return null;
        });
    }

    @Override
    public void deleteFlow(String name) {
        Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.update(connection, "DELETE FROM flow WHERE name = ?", name));
    }

    @Override
    public Map<String, String> entryPoints() {
        Map<String, String> points = new LinkedHashMap<>();
        Jdbc.inTransaction(database.dataSource(), connection -> Jdbc.query(connection,
                "SELECT number, flow_name FROM entry_point ORDER BY number",
                row -> points.put(row.getString(1), row.getString(2))));
        return points;
    }

    @Override
    public void saveEntryPoint(String number, String flow) {
        Jdbc.inTransaction(database.dataSource(), connection -> {
            if (Jdbc.update(connection, "UPDATE entry_point SET flow_name = ? WHERE number = ?", flow, number) == 0) {
                Jdbc.update(connection, "INSERT INTO entry_point (number, flow_name) VALUES (?, ?)", number, flow);
            }
            return null;
        });
    }

    @Override
    public void deleteEntryPoint(String number) {
        Jdbc.inTransaction(database.dataSource(), connection ->
                Jdbc.update(connection, "DELETE FROM entry_point WHERE number = ?", number));
    }
}
