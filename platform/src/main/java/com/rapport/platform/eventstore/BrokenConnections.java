package com.rapport.platform.eventstore;

import com.zaxxer.hikari.SQLExceptionOverride;
import org.h2.api.ErrorCode;

import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool which failures mean its connection is dead, so that it drops the
 * connection at once instead of lending it out again.
 * <p>
 * Hikari recognises a lost connection by an SQLSTATE of class 08, as PostgreSQL reports it. H2's
 * client reports a server that went away under its own codes (the connection is broken, the
 * database is closed), which Hikari does not know: without this, every pooled connection to a
 * killed H2 server stayed in the pool, and requests kept failing on them long after the server
 * was back.
 */
public final class BrokenConnections implements SQLExceptionOverride {

    private static final Set<Integer> H2_CONNECTION_LOST = Set.of(
            ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED, ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);

    // the interface's nested Override hides java.lang's
    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        return H2_CONNECTION_LOST.contains(failure.getErrorCode()) ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}
