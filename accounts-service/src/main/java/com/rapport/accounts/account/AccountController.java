package com.rapport.accounts.account;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.validation.CurrencyCode;
import com.rapport.platform.validation.TimeZoneId;
import com.rapport.platform.web.EventClock;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** The account commands of the HTTP contract. Each answers once its event is committed. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    /** staff ids are user names or directory ids: printable, no spaces */
    static final String STAFF_ID = "[A-Za-z0-9._@-]+";

    private final CommandGateway commands;
    private final EventClock clock;

    AccountController(CommandGateway commands, EventClock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    record OpeningRequest(
            UUID accountId,
            @NotBlank @Size(max = 200) String name,
            @NotNull Tier tier,
            @NotNull @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal annualValue,
            @NotNull @CurrencyCode String currency,
            @NotBlank @Size(max = 100) @Pattern(regexp = STAFF_ID) String ownerId,
            @TimeZoneId String timezone,
            @Min(1) @Max(3650) Integer cadenceDays,
            Instant occurredAt) {
    }

    record ProfileChange(
            @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
            Tier tier,
            @PositiveOrZero @Digits(integer = 15, fraction = 2) BigDecimal annualValue,
            @TimeZoneId String timezone,
            @Min(1) @Max(3650) Integer cadenceDays,
            Instant occurredAt) {

        boolean isEmpty() {
            return name == null && tier == null && annualValue == null && timezone == null && cadenceDays == null;
        }
    }

    record OwnerAssignment(@NotBlank @Size(max = 100) @Pattern(regexp = STAFF_ID) String ownerId, Instant occurredAt) {
    }

    record LossReport(@NotNull LossReason reason, @Size(max = 200) String competitor, @Size(max = 2000) String note,
                      Instant occurredAt) {
    }

    record WinBackReport(Instant occurredAt) {
    }

    record Accepted(UUID id) {
    }

    @PostMapping
    ResponseEntity<Accepted> open(@Valid @RequestBody OpeningRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        UUID accountId = request.accountId() != null ? request.accountId() : idFor(idempotencyKey);
        Instant occurredAt = clock.occurredAt(request.occurredAt());
        commands.sendAndWait(new OpenAccount(accountId, request.name().strip(), request.tier(), request.annualValue(),
                request.currency(), request.ownerId(), request.timezone() == null ? "UTC" : request.timezone(),
                request.cadenceDays(), request.occurredAt() == null ? null : occurredAt, clock.now()));
        return ResponseEntity.created(URI.create("/api/accounts/" + accountId)).body(new Accepted(accountId));
    }

    @PatchMapping("/{accountId}")
    ResponseEntity<Accepted> changeProfile(@PathVariable UUID accountId, @Valid @RequestBody ProfileChange change) {
        if (change.isEmpty()) {
            throw new InvalidField("$", "NotEmpty", "must change at least one of name, tier, annualValue, timezone, cadenceDays");
        }
        clock.occurredAt(change.occurredAt());
        commands.sendAndWait(new ChangeProfile(accountId, change.name() == null ? null : change.name().strip(),
                change.tier(), change.annualValue(), change.timezone(), change.cadenceDays(),
                change.occurredAt(), clock.now()));
        return accepted(accountId);
    }

    @PutMapping("/{accountId}/owner")
    ResponseEntity<Accepted> assignOwner(@PathVariable UUID accountId, @Valid @RequestBody OwnerAssignment assignment) {
        clock.occurredAt(assignment.occurredAt());
        commands.sendAndWait(new AssignOwner(accountId, assignment.ownerId(), assignment.occurredAt(), clock.now()));
        return accepted(accountId);
    }

    @PostMapping("/{accountId}/loss")
    ResponseEntity<Accepted> markLost(@PathVariable UUID accountId, @Valid @RequestBody LossReport loss) {
        clock.occurredAt(loss.occurredAt());
        commands.sendAndWait(new MarkLost(accountId, loss.reason(), loss.competitor(), loss.note(),
                loss.occurredAt(), clock.now()));
        return accepted(accountId);
    }

    @PostMapping("/{accountId}/win-back")
    ResponseEntity<Accepted> winBack(@PathVariable UUID accountId,
                                     @Valid @RequestBody(required = false) WinBackReport winBack) {
        Instant occurredAt = winBack == null ? null : winBack.occurredAt();
        clock.occurredAt(occurredAt);
        commands.sendAndWait(new WinBack(accountId, occurredAt, clock.now()));
        return accepted(accountId);
    }

    /** The same Idempotency-Key always names the same new account, so a retry cannot open two. */
    private static UUID idFor(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return UUID.randomUUID();
        }
        if (idempotencyKey.length() > 200) {
            throw new InvalidField("Idempotency-Key", "Size", "must be at most 200 characters");
        }
        return UUID.nameUUIDFromBytes(("rapport.accounts:" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Accepted> accepted(UUID accountId) {
        return ResponseEntity.accepted()
                .location(URI.create("/api/accounts/" + accountId))
                .body(new Accepted(accountId));
    }
}
