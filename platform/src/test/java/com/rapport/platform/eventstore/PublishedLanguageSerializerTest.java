package com.rapport.platform.eventstore;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.account.Tier;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedLanguageSerializerTest {

    private final PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create();

    private final AccountOpened opened = new AccountOpened(UUID.randomUUID(), "Acme Ltd", Tier.KEY,
            new BigDecimal("120000.50"), "EUR", "alice", "Europe/Paris", null, Instant.parse("2026-01-05T09:00:00Z"));

    @Test
    void storesAnEventUnderItsExternalNameAndRevision() {
        SerializedObject<byte[]> stored = serializer.serialize(opened, byte[].class);

        assertThat(stored.getType().getName()).isEqualTo("rapport.accounts.account-opened");
        assertThat(stored.getType().getRevision()).isEqualTo("1");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .contains("\"name\":\"Acme Ltd\"", "\"occurredAt\":\"2026-01-05T09:00:00Z\"")
                .doesNotContain("com.rapport");
    }

    @Test
    void readsAnEventBackFromItsExternalName() {
        SerializedObject<byte[]> stored = serializer.serialize(opened, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(opened);
        assertThat(serializer.classForType(new SimpleSerializedType("rapport.accounts.account-opened", "1")))
                .isEqualTo(AccountOpened.class);
    }

    @Test
    void refusesAnEventThatLacksAFieldOfItsRevision() {
        String revision1 = FieldsAddedTest.contactLoggedInRevision1();

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(revision1.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType("rapport.outreach.contact-logged", "2"))))
                .isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("durationMinutes");
    }

    @Test
    void readsAReplayTokenBack() {
        TrackingToken reset = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(42), new GlobalSequenceTrackingToken(7));

        SerializedObject<byte[]> stored = serializer.serialize(reset, byte[].class);
        TrackingToken read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class, stored.getType()));

        assertThat(read).isEqualTo(reset);
    }

    @Test
    void readsMetaDataBack() {
        MetaData metaData = MetaData.with("requestId", "abc-123").and("staffId", "alice");

        SerializedObject<byte[]> stored = serializer.serialize(metaData, byte[].class);

        assertThat((Object) serializer.deserialize(stored)).isEqualTo(metaData);
    }
}
