package com.rapport.outreach.importing;

import com.rapport.outreach.account.AccountStanding;
import com.rapport.outreach.account.KnownAccounts;
import com.rapport.outreach.recording.Recordable;
import com.rapport.outreach.recording.Recorder;
import com.rapport.platform.importing.ImportProperties;
import com.rapport.platform.importing.LineImport;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.importing.ProcessorCatchUp;
import com.rapport.platform.web.ActingUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A chunk of an import of outreach's records, which the gateway's {@code POST /api/import} sends:
 * NDJSON, each line a record as its single endpoint takes it, with its {@code type} and the ids
 * of its path. Accounts opened, lost or won back by the import's earlier lines reach outreach
 * through its {@code known-accounts} read model: the gateway names the store position those lines
 * reached ({@value LineImport#AFTER_POSITION}), and the chunk is read once the read model has
 * caught up with it. The accounts of the chunk are then looked up at once, and no line waits. A
 * chunk naming no position (an import of contacts run after the import of their accounts) that
 * names an account outreach does not know waits once for the read model to see everything
 * committed before it, then looks again.
 */
@RestController
class ImportController {

    private static final Logger log = LoggerFactory.getLogger(ImportController.class);

    private final LineImport lines;
    private final KnownAccounts accounts;
    private final Recorder recorder;
    private final ProcessorCatchUp catchUp;
    private final Duration catchUpWait;

    ImportController(LineImport lines, KnownAccounts accounts, Recorder recorder, ProcessorCatchUp catchUp,
                     ImportProperties properties) {
        this.lines = lines;
        this.accounts = accounts;
        this.recorder = recorder;
        this.catchUp = catchUp;
        this.catchUpWait = properties.catchUpWait();
    }

    @PostMapping(path = "/api/outreach/import", consumes = "application/x-ndjson")
    ResponseEntity<?> importChunk(@RequestBody byte[] body,
                                  @RequestHeader(name = LineImport.AFTER_POSITION, required = false) Long after,
                                  @RequestHeader(name = LineImport.LINE_FORMAT, required = false) String format,
                                  @RequestHeader(name = ActingUser.HEADER, required = false) String user,
                                  WebRequest request) {
        if (after != null && !catchUp.await(KnownAccounts.PROCESSOR, after, catchUpWait)) {
            log.warn("An import chunk waited {} for the accounts up to position {} in vain", catchUpWait, after);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                    HttpStatus.SERVICE_UNAVAILABLE, "Outreach has not seen the accounts the import recorded before this"
                            + " chunk within " + catchUpWait + " (rapport.import.catch-up-wait); nothing of the chunk"
                            + " was recorded. Run the import again: what it recorded already is recognised."));
        }
        boolean caughtUp = after != null;
        return lines.importChunk(body, LineImport.CSV_CELLS.equals(format), user, request, ids -> {
            List<UUID> accountIds = ids.stream()
                    .map(pathIds -> pathIds.get(LineKind.ACCOUNT_ID)).filter(Objects::nonNull).distinct().toList();
            Map<UUID, AccountStanding> standings = accounts.standings(accountIds);
            if (!caughtUp && standings.size() < accountIds.size()
                    && catchUp.awaitCommitted(KnownAccounts.PROCESSOR, catchUpWait)) {
                standings = accounts.standings(accountIds);
            }
            Map<UUID, AccountStanding> known = standings;
            return recorded -> recorder.commandFor((Recordable) recorded, known);
        });
    }
}
