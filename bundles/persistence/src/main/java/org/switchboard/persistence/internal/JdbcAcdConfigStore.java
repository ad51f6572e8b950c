package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.acd.AcdConfigStore;
import org.switchboard.api.acd.AgentProfile;
import org.switchboard.api.acd.Channel;
import org.switchboard.api.acd.Code;
import org.switchboard.api.acd.CodeKind;
import org.switchboard.api.acd.MaxWait;
import org.switchboard.api.acd.OpeningHours;
import org.switchboard.api.acd.QueueDefinition;
import org.switchboard.api.acd.RoutingStrategy;
import org.switchboard.api.acd.ServiceLevel;
import org.switchboard.api.acd.Skill;
import org.switchboard.api.acd.WideningStep;

/** Queues, agents, code lists and skills in the {@code acd_*} tables; each save is one transaction. */
@Component
public class JdbcAcdConfigStore implements AcdConfigStore {

    @Reference
    SwitchboardDatabase database;

    @Override
    public List<QueueDefinition> queues() {
        return Jdbc.inTransaction(dataSource(), JdbcAcdConfigStore::readQueues);
    }

    @Override
    public void saveQueue(QueueDefinition queue) {
        Jdbc.inTransaction(dataSource(), connection -> {
            Jdbc.update(connection, "DELETE FROM acd_queue WHERE name = ?", queue.name());
            MaxWait maxWait = queue.maxWait();
            OpeningHours hours = queue.hours();
            Jdbc.update(connection, "INSERT INTO acd_queue (name, strategy, priority_weight_seconds,"
                    + " offer_timeout_seconds, wrap_up_seconds, max_length, blending, service_level_seconds,"
                    + " service_level_percent, max_wait_seconds, max_wait_action, max_wait_target, opening_hours,"
                    + " hours_zone, closed_dates, after_hours_queue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    queue.name(), queue.strategy().name(), queue.priorityWeight().toSeconds(),
                    queue.offerTimeout().toSeconds(), queue.wrapUp().toSeconds(), queue.maxLength(), queue.blending(),
                    queue.serviceLevel().threshold().toSeconds(), queue.serviceLevel().targetPercent(),
                    maxWait == null ? null : maxWait.after().toSeconds(),
                    maxWait == null ? null : maxWait.action().name(), maxWait == null ? null : maxWait.target(),
                    hours == null ? null : hours.spec(), hours == null ? null : hours.zone().getId(),
                    hours == null ? null : hours.closedDates().stream().sorted().map(LocalDate::toString)
                            .collect(Collectors.joining(",")),
                    queue.afterHours());
            for (String group : queue.groups()) {
                Jdbc.update(connection, "INSERT INTO acd_queue_group (queue_name, group_name) VALUES (?, ?)",
                        queue.name(), group);
            }
            for (WideningStep step : queue.widening()) {
                Jdbc.update(connection, "INSERT INTO acd_queue_widening (queue_name, after_seconds, lower_levels_by,"
                        + " add_groups) VALUES (?, ?, ?, ?)", queue.name(), step.after().toSeconds(),
                        step.lowerLevelsBy(), String.join(",", new TreeSet<>(step.addGroups())));
            }
            return null;
        });
    }

    @Override
    public boolean deleteQueue(String name) {
        return Jdbc.inTransaction(dataSource(),
                connection -> Jdbc.update(connection, "DELETE FROM acd_queue WHERE name = ?", name) > 0);
    }

    @Override
    public List<AgentProfile> agents() {
        return Jdbc.inTransaction(dataSource(), connection -> readAgents(connection, null));
    }

    @Override
    public Optional<AgentProfile> agent(String login) {
        return Jdbc.inTransaction(dataSource(), connection -> readAgents(connection, login)).stream().findFirst();
    }

    @Override
    public void saveAgent(AgentProfile agent) {
        Jdbc.inTransaction(dataSource(), connection -> {
            Jdbc.update(connection, "DELETE FROM acd_agent WHERE login = ?", agent.login());
            Jdbc.update(connection, "INSERT INTO acd_agent (login, name, site) VALUES (?, ?, ?)",
                    agent.login(), agent.name(), agent.site());
            for (String group : agent.groups()) {
                Jdbc.update(connection, "INSERT INTO acd_agent_group (login, group_name) VALUES (?, ?)",
                        agent.login(), group);
            }
            for (Map.Entry<String, Integer> skill : agent.skills().entrySet()) {
                Jdbc.update(connection, "INSERT INTO acd_agent_skill (login, skill, level) VALUES (?, ?, ?)",
                        agent.login(), skill.getKey(), skill.getValue());
            }
            for (Map.Entry<Channel, Integer> slots : agent.capacity().entrySet()) {
                Jdbc.update(connection, "INSERT INTO acd_agent_capacity (login, channel, slots) VALUES (?, ?, ?)",
                        agent.login(), slots.getKey().name(), slots.getValue());
            }
            return null;
        });
    }

    @Override
    public boolean deleteAgent(String login) {
        return Jdbc.inTransaction(dataSource(),
                connection -> Jdbc.update(connection, "DELETE FROM acd_agent WHERE login = ?", login) > 0);
    }

    @Override
    public List<Code> codes(CodeKind kind) {
        return Jdbc.inTransaction(dataSource(), connection -> Jdbc.query(connection,
                "SELECT code, label FROM acd_code WHERE kind = ? ORDER BY code",
                rs -> new Code(kind, rs.getString(1), rs.getString(2)), kind.name()));
    }

    @Override
    public void saveCode(Code code) {
        Jdbc.inTransaction(dataSource(), connection -> {
            Jdbc.update(connection, "DELETE FROM acd_code WHERE kind = ? AND code = ?", code.kind().name(), code.code());
            return Jdbc.update(connection, "INSERT INTO acd_code (kind, code, label) VALUES (?, ?, ?)",
                    code.kind().name(), code.code(), code.label());
        });
    }

    @Override
    public boolean deleteCode(CodeKind kind, String code) {
        return Jdbc.inTransaction(dataSource(), connection -> Jdbc.update(connection,
                "DELETE FROM acd_code WHERE kind = ? AND code = ?", kind.name(), code) > 0);
    }

    @Override
    public List<Skill> skills() {
        return Jdbc.inTransaction(dataSource(), connection -> Jdbc.query(connection,
                "SELECT name, description FROM acd_skill ORDER BY name",
                rs -> new Skill(rs.getString(1), rs.getString(2))));
    }

    @Override
    public void saveSkill(Skill skill) {
        // Update in place: agents' skills refer to the row, so it must not be deleted and inserted again.
        Jdbc.inTransaction(dataSource(), connection -> {
            if (Jdbc.update(connection, "UPDATE acd_skill SET description = ? WHERE name = ?",
                    skill.description(), skill.name()) == 0) {
                Jdbc.update(connection, "INSERT INTO acd_skill (name, description) VALUES (?, ?)",
                        skill.name(), skill.description());
            }
            return null;
        });
    }

    @Override
    public boolean deleteSkill(String name) {
        return Jdbc.inTransaction(dataSource(),
                connection -> Jdbc.update(connection, "DELETE FROM acd_skill WHERE name = ?", name) > 0);
    }

    private DataSource dataSource() {
        return database.dataSource();
    }

    static List<QueueDefinition> readQueues(Connection connection) throws SQLException {
        Map<String, Set<String>> groups = new HashMap<>();
        for (String[] row : Jdbc.query(connection, "SELECT queue_name, group_name FROM acd_queue_group",
                rs -> new String[] {rs.getString(1), rs.getString(2)})) {
            groups.computeIfAbsent(row[0], name -> new HashSet<>()).add(row[1]);
        }
        Map<String, List<WideningStep>> widening = new HashMap<>();
        for (Object[] row : Jdbc.query(connection, "SELECT queue_name, after_seconds, lower_levels_by, add_groups"
                + " FROM acd_queue_widening", rs -> new Object[] {rs.getString(1), new WideningStep(
                        Duration.ofSeconds(rs.getInt(2)), rs.getInt(3), groupsOf(rs.getString(4)))})) {
            widening.computeIfAbsent((String) row[0], name -> new ArrayList<>()).add((WideningStep) row[1]);
        }
        return Jdbc.query(connection, "SELECT name, strategy, priority_weight_seconds, offer_timeout_seconds,"
                + " wrap_up_seconds, max_length, blending, service_level_seconds, service_level_percent,"
                + " max_wait_seconds, max_wait_action, max_wait_target, opening_hours, hours_zone, closed_dates,"
                + " after_hours_queue FROM acd_queue ORDER BY name",
                rs -> new QueueDefinition(rs.getString(1), RoutingStrategy.valueOf(rs.getString(2)),
                        groups.getOrDefault(rs.getString(1), Set.of()), Duration.ofSeconds(rs.getInt(3)),
                        Duration.ofSeconds(rs.getInt(4)), Duration.ofSeconds(rs.getInt(5)), rs.getInt(6),
                        rs.getBoolean(7), new ServiceLevel(Duration.ofSeconds(rs.getInt(8)), rs.getInt(9)),
                        widening.getOrDefault(rs.getString(1), List.of()),
                        rs.getString(11) == null ? null : new MaxWait(Duration.ofSeconds(rs.getInt(10)),
                                MaxWait.Action.valueOf(rs.getString(11)), rs.getString(12)),
                        rs.getString(13) == null ? null : new OpeningHours(rs.getString(13), ZoneId.of(rs.getString(14)),
                                datesOf(rs.getString(15))),
                        rs.getString(16)));
    }

    private static Set<LocalDate> datesOf(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).map(LocalDate::parse).collect(Collectors.toSet());
    }

    private static Set<String> groupsOf(String joined) {
        return joined.isEmpty() ? Set.of() : Set.of(joined.split(","));
    }

    /** Every agent, or only {@code login} when it is not null. */
    static List<AgentProfile> readAgents(Connection connection, String login) throws SQLException {
        String only = login == null ? "" : " WHERE login = ?";
        Object[] parameters = login == null ? new Object[0] : new Object[] {login};
        Map<String, Set<String>> groups = new HashMap<>();
        for (String[] row : Jdbc.query(connection, "SELECT login, group_name FROM acd_agent_group" + only,
                rs -> new String[] {rs.getString(1), rs.getString(2)}, parameters)) {
            groups.computeIfAbsent(row[0], key -> new HashSet<>()).add(row[1]);
        }
        Map<String, Map<String, Integer>> skills = new HashMap<>();
        for (Object[] row : Jdbc.query(connection, "SELECT login, skill, level FROM acd_agent_skill" + only,
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}, parameters)) {
            skills.computeIfAbsent((String) row[0], key -> new HashMap<>()).put((String) row[1], (Integer) row[2]);
        }
        Map<String, Map<Channel, Integer>> capacity = new HashMap<>();
        for (Object[] row : Jdbc.query(connection, "SELECT login, channel, slots FROM acd_agent_capacity" + only,
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3)}, parameters)) {
            capacity.computeIfAbsent((String) row[0], key -> new EnumMap<>(Channel.class))
                    .put(Channel.valueOf((String) row[1]), (Integer) row[2]);
        }
        return Jdbc.query(connection, "SELECT login, name, site FROM acd_agent" + only + " ORDER BY login",
                rs -> new AgentProfile(rs.getString(1), rs.getString(2), rs.getString(3),
                        groups.getOrDefault(rs.getString(1), Set.of()), skills.getOrDefault(rs.getString(1), Map.of()),
                        capacity.getOrDefault(rs.getString(1), Map.of())), parameters);
    }
}
