package com.rapport.platform.eventstore;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class UniqueKeyViolationTest {

    private final UniqueKeyViolation resolver = new UniqueKeyViolation();

    static Stream<Arguments> failures() {
        SQLException h2Batch = new BatchUpdateException("batch failed", null, 0, new int[0]);
        h2Batch.setNextException(new SQLException("Unique index or primary key violation", "23505"));
        SQLException postgres = new SQLException("duplicate key value violates unique constraint", "23505");
        SQLException foreignKey = new SQLException("violates foreign key constraint", "23503");
        SQLException otherBatch = new BatchUpdateException("batch failed", null, 0, new int[0]);
        otherBatch.setNextException(foreignKey);
        return Stream.of(
                Arguments.of("H2: the state hides in the next exception", h2Batch, true),
                Arguments.of("PostgreSQL: the state on the driver's exception", postgres, true),
                Arguments.of("wrapped by Axon or Spring", new RuntimeException("append failed", postgres), true),
                Arguments.of("wrapped H2 batch", new IllegalStateException(new RuntimeException(h2Batch)), true),
                Arguments.of("another constraint", foreignKey, false),
                Arguments.of("another constraint in a batch", otherBatch, false),
                Arguments.of("no SQL at all", new IllegalStateException("boom"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void recognisesAUniqueKeyViolationWhereverTheDriverPutIt(String description, Exception failure, boolean duplicate) {
        assertThat(resolver.isDuplicateKeyViolation(failure)).isEqualTo(duplicate);
    }
}
