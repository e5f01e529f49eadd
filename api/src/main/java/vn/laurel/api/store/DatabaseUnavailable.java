package vn.laurel.api.store;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, refusing connections),
 * as opposed to a fault in Laurel: the former is 503 and passes by itself, the latter is 500.
 */
public final class DatabaseUnavailable {
    private DatabaseUnavailable() {}

    public static boolean causedBy(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLTransientConnectionException || c instanceof ConnectException
                    // Micronaut Data could not get or prepare a connection: the pool's were closed under it.
                    || c instanceof io.micronaut.data.connection.exceptions.ConnectionException) return true;
            if (c instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P01-03: server shutting down, crashed, or not yet accepting; 53300: too many connections
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("53300")) return true;
            }
        }
        return false;
    }
}
