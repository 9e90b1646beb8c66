package com.rapport.platform.eventstore;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Tells the connection pool that a failure means the database went away: the connection is
 * dropped at once, and so is every other one the pool holds, since they all lead to the same
 * server. The next attempt (a command is tried again) gets a fresh connection, or waits for one
 * until the database is back, instead of failing on another dead connection.
 * <p>
 * Hikari recognises a lost connection by an SQLSTATE of class 08, as PostgreSQL reports it, but
 * drops only that one. H2's client reports a server that went away under its own codes (the
 * connection is broken, the database is closed), which Hikari does not know at all: without
 * this, every pooled connection to a killed H2 server stayed in the pool, and requests failed on
 * them for half a minute after the server was back.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    private static final Set<Integer> H2_SERVER_GONE = Set.of(
            ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);
    /** PostgreSQL shutting down or restarting (admin_shutdown, crash_shutdown, cannot_connect_now). */
    private static final Set<String> POSTGRES_SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    private static final String CONNECTION_EXCEPTION = "08";

    private final Supplier<HikariPoolMXBean> pool;

    BrokenConnections(Supplier<HikariPoolMXBean> pool) {
        this.pool = pool;
    }

    /** Has the pool drop all its connections at the first sign that the database went away. */
    public static void install(HikariDataSource dataSource) {
        dataSource.setExceptionOverride(new BrokenConnections(dataSource::getHikariPoolMXBean));
    }

    /** Whether the failure, or one of its causes, says that the database went away. */
    public static boolean databaseWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && databaseGone(sql)) {
                return true;
            }
        }
        return false;
    }

    // the interface's nested Override hides java.lang's
    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        if (!databaseGone(failure)) {
            return Override.CONTINUE_EVICT;
        }
        HikariPoolMXBean running = pool.get();
        if (running != null) {
            running.softEvictConnections();
        }
        return Override.MUST_EVICT;
    }

    private static boolean databaseGone(SQLException failure) {
        String state = failure.getSQLState();
        return H2_SERVER_GONE.contains(failure.getErrorCode())
                || state != null && (state.startsWith(CONNECTION_EXCEPTION) || POSTGRES_SERVER_GONE.contains(state));
    }
}
