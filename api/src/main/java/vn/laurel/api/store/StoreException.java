package vn.laurel.api.store;

import java.sql.SQLException;

/**
 * A statement the database refused or could not run, for callers outside the store, which hold no
 * JDBC types: the message is the driver's, the cause its {@link SQLException}.
 */
public class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    @Override
    public synchronized SQLException getCause() {
        return (SQLException) super.getCause();
    }
}
