package com.rapport.outreach.need;

import com.rapport.outreach.recording.NewRecord;
import com.rapport.outreach.recording.NextStep;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.problem.InvalidField;
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
class UnmetNeedController implements ImportedLines {

    private final Recorder recorder;

    UnmetNeedController(Recorder recorder) {
        this.recorder = recorder;
    }

    record NeedReport(UUID needId, @NotBlank @Size(max = 2000) String description,
                      @NotBlank @Size(max = 60) String category, @Size(max = 200) String discoveredVia,
                      @StaffId String staffId, Instant occurredAt) {
    }

    /** {@code how} for ADDRESSED, {@code why} for DECLINED, {@code competitor} for LOST_TO_COMPETITOR. */
    record Resolution(@NotNull NeedResolution outcome, @Size(max = 2000) String how, @Size(max = 2000) String why,
                      @Size(max = 200) String competitor, Instant occurredAt) {

        void requireItsDetail() {
            switch (outcome) {
                case ADDRESSED -> require("how", how);
                case DECLINED -> require("why", why);
                case LOST_TO_COMPETITOR -> require("competitor", competitor);
            }
        }

        private void require(String field, String value) {
            if (value == null || value.isBlank()) {
                throw new InvalidField(field, "NotBlank", "is required when the outcome is " + outcome);
            }
        }
    }

    @PostMapping("/api/outreach/accounts/{accountId}/unmet-needs")
    ResponseEntity<CommandReply> raise(@PathVariable UUID accountId, @Valid @RequestBody NeedReport need,
                                       @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String key,
                                     @RequestHeader(name = ActingUser.HEADER, required = false) String user) {
        return recorder.recordNew(raising(accountId, need, user), key);
    }

    @PostMapping("/api/outreach/unmet-needs/{needId}/resolution")
    ResponseEntity<CommandReply> resolve(@PathVariable UUID needId, @Valid @RequestBody Resolution resolution) {
        return recorder.recordStep(resolving(needId, resolution));
    }

    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(
                LineKind.ofAccount("unmet-need", NeedReport.class, "needId",
                        (accountId, need, user) -> raising(accountId, need, user)),
                LineKind.ofStep("need-resolution", Resolution.class, "needId",
                        (needId, resolution, user) -> resolving(needId, resolution)));
    }

    private static NewRecord raising(UUID accountId, NeedReport need, String user) {
        String staffId = ActingUser.staffId(need.staffId(), user);
        return new NewRecord(accountId, "unmet-need", need.needId(), need.occurredAt(),
                (id, occurredAt, receivedAt, account) -> new RaiseUnmetNeed(id, accountId, need.description().strip(),
                        need.category().strip(), need.discoveredVia(), staffId, occurredAt, receivedAt, account));
    }

    private static NextStep resolving(UUID needId, Resolution resolution) {
        resolution.requireItsDetail();
        return new NextStep(needId, resolution.occurredAt(),
                // the command takes from how, why and competitor only what its outcome records
                (occurredAt, receivedAt) -> new ResolveUnmetNeed(needId, resolution.outcome(), resolution.how(),
                        resolution.why(), resolution.competitor(), occurredAt, receivedAt));
    }
}
