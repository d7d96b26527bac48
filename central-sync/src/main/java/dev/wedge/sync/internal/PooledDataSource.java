package dev.wedge.sync.internal;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A small pool of JDBC connections opened from a URL. Closing a borrowed connection rolls back anything
 * uncommitted, restores auto-commit and returns it to the pool; at most {@code maxIdle} connections are kept.
 */
public final class PooledDataSource implements DataSource, AutoCloseable {
    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle;
    private volatile boolean closed;

    public PooledDataSource(String url, String user, String password, int maxIdle) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw SyncException.invalid("JDBC URL '" + url + "' must start with 'jdbc:'.");
        }
        this.url = url;
        this.user = user;
        this.password = password;
        this.idle = new ArrayBlockingQueue<>(Math.max(1, maxIdle));
    }

    /** The URL connections are opened from. */
    public String url() {
        return url;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (closed) {
            throw new SQLException("Connection pool for " + url + " is closed.");
        }
        Connection physical = idle.poll();
        while (physical != null && physical.isClosed()) {
            physical = idle.poll();
        }
        if (physical == null) {
            physical = user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        }
        return wrap(physical);
    }

    @Override
    public Connection getConnection(String username, String pass) throws SQLException {
        return getConnection();
    }

    private Connection wrap(Connection physical) {
        InvocationHandler handler = new InvocationHandler() {
            private boolean returned;

            @Override
            public Object invoke(Object proxy, java.lang.reflect.Method method, Object[] args) throws Throwable {
                String name = method.getName();
                if ("close".equals(name)) {
                    if (!returned) {
                        returned = true;
                        giveBack(physical);
                    }
                    return null;
                }
                if ("isClosed".equals(name)) {
                    return returned || physical.isClosed();
                }
                if (returned) {
                    throw new SQLException("Connection was already closed.");
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, handler);
    }

    private void giveBack(Connection physical) throws SQLException {
        try {
            if (!physical.isClosed() && !physical.getAutoCommit()) {
                physical.rollback();
                physical.setAutoCommit(true);
            }
        } catch (SQLException e) {
            physical.close();
            return;
        }
        if (closed || physical.isClosed() || !idle.offer(physical)) {
            physical.close();
        }
    }

    /** Closes every idle connection; connections still borrowed are closed when given back. */
    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            try {
                c.close();
            } catch (SQLException e) {
                throw new SyncException(SyncErrorCode.STORAGE_FAILED, "Cannot close a connection to " + url, e);
            }
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // DriverManager logging is not used.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
        return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("java.util.logging is not used");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("Not a wrapper of " + iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
