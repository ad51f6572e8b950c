package org.switchboard.persistence.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.node.ComponentHealth;
import org.switchboard.api.node.DatabaseHealth;

/**
 * The appliance's database, migrated to the current schema; repositories depend on this service
 * rather than on the raw DataSource so that they never run against an old schema.
 */
@Component(service = {SwitchboardDatabase.class, DatabaseHealth.class})
public class SwitchboardDatabase implements DatabaseHealth {

    private static final Logger LOG = LoggerFactory.getLogger(SwitchboardDatabase.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Reference(target = "(dataSourceName=switchboard)")
    DataSource dataSource;

    @Activate
    void activate() {
        migrate(dataSource);
    }

    static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = Flyway.configure(SwitchboardDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info("Database schema at version {} ({} migrations applied now)",
                result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                result.migrationsExecuted);
        return result;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public ComponentHealth check() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                return ComponentHealth.down("connection did not validate within " + VALIDATION_TIMEOUT_SECONDS + " s");
            }
            DatabaseMetaData meta = connection.getMetaData();
            return ComponentHealth.up(meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
        } catch (SQLException | RuntimeException e) {
            return ComponentHealth.down(e.getMessage());
        }
    }
}
