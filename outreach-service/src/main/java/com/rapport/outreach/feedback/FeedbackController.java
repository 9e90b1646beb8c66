package com.rapport.outreach.feedback;

import com.rapport.events.outreach.FeedbackSource;
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
import java.util.UUID;

@RestController
class FeedbackController implements ImportedLines {

    private final Recorder recorder;

    FeedbackController(Recorder recorder) {
        this.recorder = recorder;
    }

    record FeedbackReport(UUID feedbackId, @NotNull FeedbackSource source, @Size(max = 2000) String doingRight,
                          @Size(max = 2000) String doingWrong, @Size(max = 2000) String couldImprove,
                          @Min(0) @Max(10) Integer npsScore, @StaffId String staffId, Instant occurredAt) {

        boolean saysNothing() {
            return isBlank(doingRight) && isBlank(doingWrong) && isBlank(couldImprove) && npsScore == null;
        }

        private static boolean isBlank(String text) {
            return text == null || text.isBlank();
        }
    }

    @PostMapping("/api/outreach/accounts/{accountId}/feedback")
    ResponseEntity<CommandReply> record(@PathVariable UUID accountId, @Valid @RequestBody FeedbackReport report,
                                        @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(receiving(accountId, report, user), key);
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(LineKind.ofAccount("feedback", FeedbackReport.class, "feedbackId",
                        (accountId, report, user) -> receiving(accountId, report, user)));
    }

    private static NewRecord receiving(UUID accountId, FeedbackReport report, String user) {
        if (report.saysNothing()) {
            throw new InvalidField("$", "NotEmpty", "must say at least one of doingRight, doingWrong, couldImprove, npsScore");
        }
        String staffId = ActingUser.staffId(report.staffId(), user);
        return new NewRecord(accountId, "feedback", report.feedbackId(), report.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new RecordFeedback(id, accountId, report.source(),
                        report.doingRight(), report.doingWrong(), report.couldImprove(), report.npsScore(),
                        staffId, occurredAt, receivedAt, account));
    }
}
