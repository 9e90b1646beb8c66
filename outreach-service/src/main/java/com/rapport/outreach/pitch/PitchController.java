package com.rapport.outreach.pitch;

import com.rapport.events.outreach.PitchOutcome;
import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.NextStep;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.web.ActingUser;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.RequestedId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
class PitchController implements ImportedLines {

    private final Recorder recorder;

    PitchController(Recorder recorder) {
        this.recorder = recorder;
    }

    record PitchReport(UUID pitchId, @NotBlank @Size(max = 200) String offering, @NotNull Boolean faceToFace,
                       @StaffId String staffId, Instant occurredAt) {
    }

    record OutcomeReport(@NotNull PitchOutcome outcome, Instant occurredAt) {
    }

    @PostMapping("/api/outreach/accounts/{accountId}/pitches")
    ResponseEntity<CommandReply> make(@PathVariable UUID accountId, @Valid @RequestBody PitchReport pitch,
                                      @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(making(accountId, pitch, user), key);
    }

    @PostMapping("/api/outreach/pitches/{pitchId}/outcome")
    ResponseEntity<CommandReply> answer(@PathVariable UUID pitchId, @Valid @RequestBody OutcomeReport outcome) {
        return recorder.recordStep(answering(pitchId, outcome));
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(
                LineKind.ofAccount("pitch", PitchReport.class, "pitchId",
                        (accountId, pitch, user) -> making(accountId, pitch, user)),
                LineKind.ofStep("pitch-outcome", OutcomeReport.class, "pitchId",
                        (pitchId, outcome, user) -> answering(pitchId, outcome)));
    }

    private NewRecord making(UUID accountId, PitchReport pitch, String user) {
        String staffId = ActingUser.requiredStaffId(pitch.staffId(), user);
        return new NewRecord(accountId, "pitch", pitch.pitchId(), pitch.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new MakePitch(id, accountId, pitch.offering().strip(),
                        pitch.faceToFace(), staffId, occurredAt, receivedAt, account));
    }

    private static NextStep answering(UUID pitchId, OutcomeReport outcome) {
        return new NextStep(pitchId, outcome.occurredAt(),
                (occurredAt, receivedAt) -> new RecordPitchOutcome(pitchId, outcome.outcome(), occurredAt, receivedAt));
    }
}
