package com.rapport.platform.eventstore;

import com.rapport.events.account.AccountOpened;
import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactLogged;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldsAddedTest {

    static final UUID CONTACT_ID = UUID.fromString("0c0e7ac7-0000-4000-8000-000000000001");
    static final UUID ACCOUNT_ID = UUID.fromString("6f1d9b1e-3c4a-4e1b-9a53-000000000001");
    static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    private final PublishedLanguageSerializer serializer = PublishedLanguageSerializer.create();
    private final FieldsAdded durationAdded = new FieldsAdded(ContactLogged.class, 2);

    /** A contact as revision 1 stored it, before contacts recorded their duration. */
    static String contactLoggedInRevision1() {
        return """
                {"contactId":"%s","accountId":"%s","channel":"MEETING","outcome":"CONNECTED","direction":"OUTBOUND",\
                "staffId":"alice","staffRole":"EXECUTIVE","agenda":"REVIEW","note":"Quarterly review","occurredAt":"%s"}"""
                .formatted(CONTACT_ID, ACCOUNT_ID, AT);
    }

    private IntermediateEventRepresentation stored(String type, String revision, String payload) {
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.emptyInstance(), byte[].class);
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Contact", CONTACT_ID.toString(), 0,
                UUID.randomUUID().toString(), AT, type, revision, payload.getBytes(StandardCharsets.UTF_8),
                metaData.getData()), serializer);
    }

    private List<IntermediateEventRepresentation> upcast(IntermediateEventRepresentation stored) {
        return durationAdded.upcast(Stream.of(stored)).toList();
    }

    @Test
    void aRevision1ContactBecomesRevision2WithItsDurationNotRecorded() {
        List<IntermediateEventRepresentation> upcast =
                upcast(stored("rapport.outreach.contact-logged", "1", contactLoggedInRevision1()));

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getName()).isEqualTo("rapport.outreach.contact-logged");
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8))
                .contains("\"durationMinutes\":null");
        assertThat((Object) serializer.deserialize(upcast.get(0).getData())).isEqualTo(new ContactLogged(CONTACT_ID,
                ACCOUNT_ID, Channel.MEETING, ContactOutcome.CONNECTED, Direction.OUTBOUND, "alice", StaffRole.EXECUTIVE,
                Agenda.REVIEW, "Quarterly review", null, AT));
    }

    @Test
    void leavesARevision2ContactAsItIs() {
        ContactLogged logged = new ContactLogged(CONTACT_ID, ACCOUNT_ID, Channel.CALL, ContactOutcome.CONNECTED,
                Direction.INBOUND, "bob", StaffRole.SALES, Agenda.SALES, null, 25, AT);
        IntermediateEventRepresentation stored = stored("rapport.outreach.contact-logged", "2",
                new String(serializer.serialize(logged, byte[].class).getData(), StandardCharsets.UTF_8));

        List<IntermediateEventRepresentation> upcast = upcast(stored);

        assertThat(upcast).containsExactly(stored);
        assertThat((Object) serializer.deserialize(upcast.get(0).getData())).isEqualTo(logged);
    }

    @Test
    void leavesOtherEventsAsTheyAre() {
        IntermediateEventRepresentation stored = stored("rapport.accounts.account-won-back", "1",
                "{\"accountId\":\"" + ACCOUNT_ID + "\",\"occurredAt\":\"" + AT + "\"}");

        assertThat(upcast(stored)).containsExactly(stored);
    }

    @Test
    void thePublishedLanguageHasOneForEachRevisionAfterTheFirst() {
        IntermediateEventRepresentation revision1 = stored("rapport.outreach.contact-logged", "1", contactLoggedInRevision1());

        assertThat(FieldsAdded.forThePublishedLanguage()).singleElement()
                .satisfies(upcaster -> assertThat(upcaster.canUpcast(revision1)).isTrue());
    }

    @Test
    void onlyARevisionThatAddedFieldsHasSuchAnUpcaster() {
        assertThatThrownBy(() -> new FieldsAdded(ContactLogged.class, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldsAdded(ContactLogged.class, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldsAdded(AccountOpened.class, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
