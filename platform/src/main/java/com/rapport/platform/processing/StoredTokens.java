package com.rapport.platform.processing;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Where every segment of a processor has got to, as the token store holds it, whichever instance
 * owns the segment, or none: a segment that keeps failing is released by its owner and no longer
 * shows in that owner's processing status, but its token stays where it stopped. Read without
 * claiming anything, which Axon's {@code TokenStore} cannot do.
 */
public class StoredTokens {

    /**
     * @param token where the segment has got to; null before it has reached any event
     * @param owner the instance that holds its claim; null while no instance does
     */
    public record StoredToken(int segment, TrackingToken token, String owner) {
    }

    private final JdbcClient jdbc;
    private final TokenSchema schema;
    private final Serializer serializer;

    /** @param serializer the token store's own */
    public StoredTokens(JdbcClient jdbc, TokenSchema schema, Serializer serializer) {
        this.jdbc = jdbc;
        this.schema = schema;
        this.serializer = serializer;
    }

    /** Every segment of the processor, in segment order. */
    public List<StoredToken> of(String processor) {
        return jdbc.sql("SELECT " + String.join(", ", schema.segmentColumn(), schema.tokenColumn(),
                        schema.tokenTypeColumn(), schema.timestampColumn(), schema.ownerColumn())
                        + " FROM " + schema.tokenTable()
                        + " WHERE " + schema.processorNameColumn() + " = ? ORDER BY " + schema.segmentColumn())
                .param(processor)
                .query((row, number) -> {
                    GenericTokenEntry<byte[]> entry = new GenericTokenEntry<>(row.getBytes(schema.tokenColumn()),
                            row.getString(schema.tokenTypeColumn()), row.getString(schema.timestampColumn()),
                            row.getString(schema.ownerColumn()), processor, row.getInt(schema.segmentColumn()),
                            byte[].class);
                    return new StoredToken(entry.getSegment(), entry.getToken(serializer), entry.getOwner());
                })
                .list();
    }
}
