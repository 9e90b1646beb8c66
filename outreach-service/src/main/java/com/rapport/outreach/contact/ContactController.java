package com.rapport.outreach.contact;

import com.rapport.events.outreach.Agenda;
import com.rapport.events.outreach.Channel;
import com.rapport.events.outreach.ContactOutcome;
import com.rapport.events.outreach.Direction;
import com.rapport.events.outreach.StaffRole;
import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.web.ActingUser;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.RequestedId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import java.util.Objects;
import java.util.UUID;

@RestController
class ContactController implements ImportedLines {

    private final Recorder recorder;

    ContactController(Recorder recorder) {
        this.recorder = recorder;
    }

    /**
     * direction defaults to OUTBOUND, agenda to CHECK_IN (a contact with no agenda); durationMinutes
     * is optional, at most a day.
     */
    record ContactReport(UUID contactId, @NotNull Channel channel, @NotNull ContactOutcome outcome, Direction direction,
                         @StaffId String staffId, @NotNull StaffRole staffRole, Agenda agenda,
                         @Size(max = 2000) String note, @Min(1) @Max(24 * 60) Integer durationMinutes,
                         Instant occurredAt) {
    }

    @PostMapping("/api/outreach/accounts/{accountId}/contacts")
    ResponseEntity<CommandReply> log(@PathVariable UUID accountId, @Valid @RequestBody ContactReport report,
                                     @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(logging(accountId, report, user), key);
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(LineKind.ofAccount("contact", ContactReport.class, "contactId",
                        (accountId, report, user) -> logging(accountId, report, user)));
    }

    private NewRecord logging(UUID accountId, ContactReport report, String user) {
        if (report.durationMinutes() != null && report.outcome() == ContactOutcome.NO_ANSWER) {
            throw new InvalidField("durationMinutes", "NoAnswerNoDuration", "must be left out when nobody answered");
        }
        String staffId = ActingUser.requiredStaffId(report.staffId(), user);
        return new NewRecord(accountId, "contact", report.contactId(), report.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new LogContact(id, accountId, report.channel(), report.outcome(),
                        Objects.requireNonNullElse(report.direction(), Direction.OUTBOUND), staffId,
                        report.staffRole(), Objects.requireNonNullElse(report.agenda(), Agenda.CHECK_IN),
                        report.note(), report.durationMinutes(), occurredAt, receivedAt, account));
    }
}
