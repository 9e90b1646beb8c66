package com.rapport.accounts.importing;

import com.rapport.platform.importing.LineImport;
import com.rapport.platform.web.ActingUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * A chunk of an import of accounts, losses and win-backs, which the gateway's {@code POST /api/import}
 * sends: NDJSON, each line a record as its single endpoint takes it, with its {@code type}.
 * The answer, once the chunk has committed, reports each line refused and the store position
 * that covers what the chunk appended.
 */
@RestController
class ImportController {

    private final LineImport lines;

    ImportController(LineImport lines) {
        this.lines = lines;
    }

    @PostMapping(path = "/api/accounts/import", consumes = "application/x-ndjson")
    ResponseEntity<?> importChunk(@RequestBody byte[] body,
                                  @RequestHeader(name = LineImport.LINE_FORMAT, required = false) String format,
                                  @RequestHeader(name = ActingUser.HEADER, required = false) String user,
                                  WebRequest request) {
        // accounts' lines are commands as they are
        return lines.importChunk(body, LineImport.CSV_CELLS.equals(format), user, request, ids -> recorded -> recorded);
    }
}
