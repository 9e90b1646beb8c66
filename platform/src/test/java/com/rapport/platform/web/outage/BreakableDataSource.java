package com.rapport.platform.web.outage;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * The service's DataSource, made to fail as the drivers and the pool do when the database goes
 * away: no connection at all, or an insert or a commit cut off on a connection it had.
 */
final class BreakableDataSource extends DelegatingDataSource {

    enum Where { CONNECTING, INSERTING, COMMITTING }

    private volatile Where where;
    private volatile Supplier<SQLException> failure;

    BreakableDataSource(DataSource target) {
        super(target);
    }

    void fail(Where where, Supplier<SQLException> failure) {
        this.where = where;
        this.failure = failure;
    }

    void mend() {
        this.where = null;
        this.failure = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (where == Where.CONNECTING) {
            throw failure.get();
        }
        Connection connection = super.getConnection();
        return proxy(Connection.class, connection, (proxy, method, arguments) -> {
            if (where == Where.COMMITTING && method.getName().equals("commit")) {
                throw failure.get();
            }
            Object result = invoke(connection, method, arguments);
            boolean insert = method.getName().equals("prepareStatement")
                    && String.valueOf(arguments[0]).stripLeading().toLowerCase().startsWith("insert");
            return insert ? failingOnExecution((PreparedStatement) result) : result;
        });
    }

    private PreparedStatement failingOnExecution(PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, (proxy, method, arguments) -> {
            if (where == Where.INSERTING && method.getName().startsWith("execute")) {
                throw failure.get();
            }
            return invoke(statement, method, arguments);
        });
    }

    private static <T> T proxy(Class<T> type, T target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(BreakableDataSource.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
