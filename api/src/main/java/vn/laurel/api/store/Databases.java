package vn.laurel.api.store;

import org.postgresql.PGConnection;

import java.sql.Connection;
import java.sql.SQLException;

/** Which database a connection talks to, where the SQL must differ: PostgreSQL in production, H2 embedded. */
public final class Databases {
    private Databases() {}

    /** True on PostgreSQL (COPY, jsonb and array parameters); false on H2. */
    public static boolean isPostgres(Connection c) throws SQLException {
        return c.isWrapperFor(PGConnection.class);
    }
}
