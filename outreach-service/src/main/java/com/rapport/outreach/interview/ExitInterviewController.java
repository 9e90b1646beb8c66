package com.rapport.outreach.interview;

import com.rapport.events.account.LossReason;
import com.rapport.events.outreach.WinBackChance;
import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.web.ActingUser;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.RequestedId;
import jakarta.validation.Valid;
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
class ExitInterviewController implements ImportedLines {

    private final Recorder recorder;

    ExitInterviewController(Recorder recorder) {
        this.recorder = recorder;
    }

    record Interview(UUID interviewId, @NotNull LossReason primaryReason,
                     @Size(max = 8) List<@NotNull LossReason> otherReasons, @Size(max = 200) String competitor,
                     @Size(max = 2000) String whatWeCouldHaveDone, @NotNull WinBackChance winBackChance,
                     @StaffId String staffId, Instant occurredAt) {
    }

    @PostMapping("/api/outreach/accounts/{accountId}/exit-interviews")
    ResponseEntity<CommandReply> record(@PathVariable UUID accountId, @Valid @RequestBody Interview interview,
                                        @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(recording(accountId, interview, user), key);
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(LineKind.ofAccount("exit-interview", Interview.class, "interviewId",
                        (accountId, interview, user) -> recording(accountId, interview, user)));
    }

    private static NewRecord recording(UUID accountId, Interview interview, String user) {
        List<LossReason> others = interview.otherReasons() == null ? List.of()
                : interview.otherReasons().stream().distinct().filter(reason -> reason != interview.primaryReason()).toList();
        String staffId = ActingUser.staffId(interview.staffId(), user);
        return new NewRecord(accountId, "exit-interview", interview.interviewId(), interview.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new RecordExitInterview(id, accountId, interview.primaryReason(),
                        others, interview.competitor(), interview.whatWeCouldHaveDone(), interview.winBackChance(),
                        staffId, occurredAt, receivedAt, account));
    }
}
