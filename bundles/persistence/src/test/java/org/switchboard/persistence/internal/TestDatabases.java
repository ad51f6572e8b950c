package org.switchboard.persistence.internal;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** In-memory H2 databases of their own for repository tests, migrated to the current schema. */
final class TestDatabases {

    private TestDatabases() {
    }

    /** A fresh, empty, unmigrated database. */
    static JdbcDataSource fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    /** A fresh database at the current schema, as the repositories find it. */
    static SwitchboardDatabase migrated() {
        return migrated(fresh());
    }

    /** This database, migrated to the current schema. */
    static SwitchboardDatabase migrated(JdbcDataSource dataSource) {
        SwitchboardDatabase.migrate(dataSource);
        SwitchboardDatabase database = new SwitchboardDatabase();
        database.dataSource = dataSource;
        return database;
    }
}
