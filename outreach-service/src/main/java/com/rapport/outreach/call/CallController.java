package com.rapport.outreach.call;

import com.rapport.events.outreach.ContactLogged;
import com.rapport.outreach.contact.LoggedContacts;
import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.NextStep;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.problem.NotFound;
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
class CallController implements ImportedLines {

    private final Recorder recorder;
    private final LoggedContacts contacts;

    CallController(Recorder recorder, LoggedContacts contacts) {
        this.recorder = recorder;
        this.contacts = contacts;
    }

    record CallPlan(UUID callId, @StaffId String staffId, @NotNull Instant dueAt,
                    @NotBlank @Size(max = 500) String purpose, Instant occurredAt) {
    }

    record Reschedule(@NotNull Instant dueAt, @NotBlank @Size(max = 500) String why, Instant occurredAt) {
    }

    record Completion(@NotNull UUID contactId, Instant occurredAt) {
    }

    record Missed(Instant occurredAt) {
    }

    @PostMapping("/api/outreach/accounts/{accountId}/calls")
    ResponseEntity<CommandReply> schedule(@PathVariable UUID accountId, @Valid @RequestBody CallPlan plan,
                                          @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(scheduling(accountId, plan, user), key);
    }

    @PostMapping("/api/outreach/calls/{callId}/reschedule")
    ResponseEntity<CommandReply> reschedule(@PathVariable UUID callId, @Valid @RequestBody Reschedule reschedule) {
        return recorder.recordStep(rescheduling(callId, reschedule));
    }

    @PostMapping("/api/outreach/calls/{callId}/completion")
    ResponseEntity<CommandReply> complete(@PathVariable UUID callId, @Valid @RequestBody Completion completion) {
        return recorder.recordStep(completing(callId, completion));
    }

    @PostMapping("/api/outreach/calls/{callId}/missed")
    ResponseEntity<CommandReply> missed(@PathVariable UUID callId, @Valid @RequestBody(required = false) Missed missed) {
        return recorder.recordStep(missing(callId, missed));
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(
                LineKind.ofAccount("call", CallPlan.class, "callId",
                        (accountId, plan, user) -> scheduling(accountId, plan, user)),
                LineKind.ofStep("call-reschedule", Reschedule.class, "callId",
                        (callId, reschedule, user) -> rescheduling(callId, reschedule)),
                LineKind.ofStep("call-completion", Completion.class, "callId",
                        (callId, completion, user) -> completing(callId, completion)),
                LineKind.ofStep("call-missed", Missed.class, "callId",
                        (callId, missed, user) -> missing(callId, missed)));
    }

    private static NewRecord scheduling(UUID accountId, CallPlan plan, String user) {
        String staffId = ActingUser.requiredStaffId(plan.staffId(), user);
        return new NewRecord(accountId, "call", plan.callId(), plan.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new ScheduleCall(id, accountId, staffId, plan.dueAt(),
                        plan.purpose().strip(), occurredAt, receivedAt, account));
    }

    private static NextStep rescheduling(UUID callId, Reschedule reschedule) {
        return new NextStep(callId, reschedule.occurredAt(),
                (occurredAt, receivedAt) -> new RescheduleCall(callId, reschedule.dueAt(), reschedule.why().strip(),
                        occurredAt, receivedAt));
    }

    private NextStep completing(UUID callId, Completion completion) {
        ContactLogged contact = contacts.find(completion.contactId())
                .orElseThrow(() -> new NotFound("No contact with id " + completion.contactId() + " was logged"));
        return new NextStep(callId, completion.occurredAt(),
                (occurredAt, receivedAt) -> new CompleteCall(callId, contact.contactId(), contact.accountId(),
                        occurredAt, receivedAt));
    }

    private static NextStep missing(UUID callId, Missed missed) {
        return new NextStep(callId, missed == null ? null : missed.occurredAt(),
                (occurredAt, receivedAt) -> new MarkCallMissed(callId, occurredAt, receivedAt));
    }
}
