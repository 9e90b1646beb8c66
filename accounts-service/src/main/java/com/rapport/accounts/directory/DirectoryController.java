package com.rapport.accounts.directory;

import com.rapport.events.account.Tier;
import com.rapport.platform.web.Page;
import com.rapport.platform.problem.NotFound;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The directory endpoints: list with filters and paging, one account by id. */
@RestController
@RequestMapping("/api/accounts")
class DirectoryController {

    private final AccountDirectory directory;

    DirectoryController(AccountDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    Page<DirectoryEntry> list(@RequestParam(required = false) @Size(max = 100) String owner,
                              @RequestParam(required = false) Tier tier,
                              @RequestParam(required = false) AccountStatus status,
                              @RequestParam(required = false) @Size(max = 200) String q,
                              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                              @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        return directory.list(new DirectoryQuery(blankToNull(owner), tier, status, blankToNull(q), page, size));
    }

    @GetMapping("/{accountId}")
    DirectoryEntry get(@PathVariable UUID accountId) {
        return directory.find(accountId)
                .orElseThrow(() -> new NotFound("No account with id " + accountId + " is in the directory"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
