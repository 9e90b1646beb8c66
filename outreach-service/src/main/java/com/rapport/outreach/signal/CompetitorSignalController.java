package com.rapport.outreach.signal;

import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.web.ActingUser;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.RequestedId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
class CompetitorSignalController implements ImportedLines {

    private final Recorder recorder;

    CompetitorSignalController(Recorder recorder) {
        this.recorder = recorder;
    }

    record Sighting(UUID signalId, @NotBlank @Size(max = 200) String competitor, @Size(max = 2000) String note,
                    @StaffId String staffId, Instant occurredAt) {
    }

    @PostMapping("/api/outreach/accounts/{accountId}/competitor-signals")
    ResponseEntity<CommandReply> record(@PathVariable UUID accountId, @Valid @RequestBody Sighting sighting,
                                        @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(sighting(accountId, sighting, user), key);
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(LineKind.ofAccount("competitor-signal", Sighting.class, "signalId",
                        (accountId, sighting, user) -> sighting(accountId, sighting, user)));
    }

    private static NewRecord sighting(UUID accountId, Sighting sighting, String user) {
        String staffId = ActingUser.staffId(sighting.staffId(), user);
        return new NewRecord(accountId, "competitor-signal", sighting.signalId(), sighting.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new RecordCompetitorSighting(id, accountId,
                        sighting.competitor().strip(), sighting.note(), staffId, occurredAt, receivedAt, account));
    }
}
