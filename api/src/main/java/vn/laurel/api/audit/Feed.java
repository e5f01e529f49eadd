package vn.laurel.api.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The rows of one query, read in order: either here, from the verifier's own connection, or by a thread
 * of its own on a connection of its own, a few chunks ahead (a bounded queue: memory stays flat). With
 * threads, the database produces the decisions, their outcome rows and their fact rows at once while the
 * verifier hashes; on one connection each waits for the others.
 */
abstract class Feed<T> implements AutoCloseable {
    /** How a row becomes a value. */
    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    abstract T peek() throws SQLException;

    abstract void advance() throws SQLException;

    @Override
    public abstract void close() throws SQLException;

    /**
     * {@code rows}: how many rows are fetched at a time and handed over in one chunk (eight chunks wait at
     * most): few for wide rows — a decision saved before issue 20 holds an answer of 80 KB, 160 KB as Java
     * text — so that memory stays flat whatever the chain holds.
     */
    static <T> Feed<T> direct(Connection c, String sql, long from, int rows, Mapper<T> mapper) throws SQLException {
        return new Direct<>(c, sql, from, rows, mapper);
    }

    /** {@code connections} opens a connection already reading the verifier's snapshot. */
    static <T> Feed<T> threaded(AuditChain.Connections connections, String sql, long from, int rows, Mapper<T> mapper) {
        return new Threaded<>(connections, sql, from, rows, mapper);
    }

    private static PreparedStatement cursor(Connection c, String sql, long from, int rows) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(rows);
        ps.setLong(1, from);
        return ps;
    }

    private static final class Direct<T> extends Feed<T> {
        private final PreparedStatement ps;
        private final ResultSet rs;
        private final Mapper<T> mapper;
        private T current;

        Direct(Connection c, String sql, long from, int rows, Mapper<T> mapper) throws SQLException {
            this.ps = cursor(c, sql, from, rows);
            this.rs = ps.executeQuery();
            this.mapper = mapper;
            advance();
        }

        @Override
        T peek() {
            return current;
        }

        @Override
        void advance() throws SQLException {
            current = rs.next() ? mapper.map(rs) : null;
        }

        @Override
        public void close() throws SQLException {
            try (ps; rs) {
                current = null;
            }
        }
    }

    private static final class Threaded<T> extends Feed<T> {
        private static final List<Object> END = new ArrayList<>();
        private final BlockingQueue<List<?>> queue = new ArrayBlockingQueue<>(8);
        private final Thread thread;
        private volatile boolean stopped;
        private volatile Throwable failure;
        private List<T> chunk = List.of();
        private int at;
        private boolean ended;

        Threaded(AuditChain.Connections connections, String sql, long from, int rows, Mapper<T> mapper) {
            thread = new Thread(() -> {
                try (Connection c = connections.open(); PreparedStatement ps = cursor(c, sql, from, rows); ResultSet rs = ps.executeQuery()) {
                    List<T> next = new ArrayList<>(rows);
                    while (!stopped && rs.next()) {
                        next.add(mapper.map(rs));
                        if (next.size() == rows) {
                            put(next);
                            next = new ArrayList<>(rows);
                        }
                    }
                    if (!next.isEmpty()) put(next);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    try {
                        if (!stopped) queue.put(END);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }, "laurel-verify-feed");
            thread.setDaemon(true);
            thread.start();
        }

        private void put(List<T> rows) throws InterruptedException {
            while (!stopped && !queue.offer(rows, 100, TimeUnit.MILLISECONDS)) { /* the verifier is behind: wait */ }
        }

        @Override
        @SuppressWarnings("unchecked")
        T peek() throws SQLException {
            while (!ended && at == chunk.size()) {
                List<?> next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while verifying", e);
                }
                if (next == END) {
                    ended = true;
                    if (failure != null) throw failure instanceof SQLException s ? s : new SQLException(failure.getMessage(), failure);
                } else {
                    chunk = (List<T>) next;
                    at = 0;
                }
            }
            return ended ? null : chunk.get(at);
        }

        @Override
        void advance() throws SQLException {
            peek();
            if (!ended) at++;
        }

        @Override
        public void close() {
            stopped = true;
            queue.clear();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
