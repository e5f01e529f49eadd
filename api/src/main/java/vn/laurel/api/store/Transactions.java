package vn.laurel.api.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection in one transaction: committed when it returns, rolled back when it throws. */
public final class Transactions {
    private Transactions() {}

    /** What runs inside the transaction, on its connection. */
    public interface Work<T> { T run(Connection c) throws SQLException; }

    /** {@code dataSource} must hand out connections of their own (unwrapped), not the current transaction's. */
    public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
