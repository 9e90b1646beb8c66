package com.rapport.suite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The shared event store, read directly: what was appended is asserted here, not through the API. */
final class EventStore {

    private final Database database;

    EventStore(Database database) {
        this.database = database;
    }

    /**
     * Every event but insights' conclusions, which insights publishes on its own schedule (a band
     * change, a neglect flag) and so are no measure of what a request appended.
     */
    long count() {
        return single("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE payload_type NOT LIKE 'rapport.insights.%'");
    }

    long countFor(UUID aggregateId) {
        return single("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?", aggregateId.toString());
    }

    long countFor(UUID aggregateId, String type) {
        return single("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?",
                aggregateId.toString(), type);
    }

    long countOfType(String type) {
        return single("SELECT COUNT(*) FROM eventstore.domain_event_entry WHERE payload_type = ?", type);
    }

    List<Long> sequenceNumbersOf(UUID aggregateId) {
        return list("SELECT sequence_number FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                aggregateId.toString());
    }

    List<String> typesOf(UUID aggregateId) {
        List<String> types = new ArrayList<>();
        query("SELECT payload_type FROM eventstore.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                rows -> types.add(rows.getString(1)), aggregateId.toString());
        return types;
    }

    /** Where a service's processor has got to, as stored in its token table. */
    List<String> tokens(String schema, String processor) {
        List<String> tokens = new ArrayList<>();
        query("SELECT segment, token FROM " + schema + ".token_entry WHERE processor_name = ? ORDER BY segment",
                rows -> tokens.add(rows.getInt(1) + ":" + (rows.getBytes(2) == null ? "" : new String(rows.getBytes(2)))),
                processor);
        return tokens;
    }

    private long single(String sql, Object... parameters) {
        List<Long> values = list(sql, parameters);
        return values.get(0);
    }

    private List<Long> list(String sql, Object... parameters) {
        List<Long> values = new ArrayList<>();
        query(sql, rows -> values.add(rows.getLong(1)), parameters);
        return values;
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection connection = database.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("event store query failed: " + sql, e);
        }
    }
}
