package com.rapport.accounts.account;

import com.rapport.events.account.LossReason;
import com.rapport.events.account.Tier;
import com.rapport.platform.importing.ImportedLines;
import com.rapport.platform.importing.LineKind;
import com.rapport.platform.problem.InvalidField;
import com.rapport.platform.validation.CurrencyCode;
import com.rapport.platform.validation.StaffId;
import com.rapport.platform.validation.TimeZoneId;
import com.rapport.platform.web.CommandReply;
import com.rapport.platform.web.EventClock;
import com.rapport.platform.web.RequestedId;
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
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The account commands of the HTTP contract. Each answers once its event is committed. An import's
 * lines of accounts, losses and win-backs are recorded as these endpoints record them.
 */
@RestController
@RequestMapping("/api/accounts")
class AccountController implements ImportedLines {

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
            @NotNull @StaffId String ownerId,
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

    record OwnerAssignment(@NotNull @StaffId String ownerId, Instant occurredAt) {
    }

    record LossReport(@NotNull LossReason reason, @Size(max = 200) String competitor, @Size(max = 2000) String note,
                      Instant occurredAt) {
    }

    record WinBackReport(Instant occurredAt) {
    }

    @PostMapping
    ResponseEntity<CommandReply> open(@Valid @RequestBody OpeningRequest request,
                                  @RequestHeader(name = RequestedId.IDEMPOTENCY_KEY, required = false) String idempotencyKey) {
        OpenAccount opening = opening(request, idempotencyKey);
        commands.sendAndWait(opening);
        return CommandReply.created("/api/accounts/" + opening.accountId(), opening.accountId());
    }

    @PatchMapping("/{accountId}")
    ResponseEntity<CommandReply> changeProfile(@PathVariable UUID accountId, @Valid @RequestBody ProfileChange change) {
        if (change.isEmpty()) {
            throw new InvalidField("$", "NotEmpty", "must change at least one of name, tier, annualValue, timezone, cadenceDays");
        }
        commands.sendAndWait(new ChangeProfile(accountId, change.name() == null ? null : change.name().strip(),
                change.tier(), change.annualValue(), change.timezone(), change.cadenceDays(),
                clock.requireNotInFuture(change.occurredAt()), clock.now()));
        return accepted(accountId);
    }

    @PutMapping("/{accountId}/owner")
    ResponseEntity<CommandReply> assignOwner(@PathVariable UUID accountId, @Valid @RequestBody OwnerAssignment assignment) {
        commands.sendAndWait(new AssignOwner(accountId, assignment.ownerId(),
                clock.requireNotInFuture(assignment.occurredAt()), clock.now()));
        return accepted(accountId);
    }

    @PostMapping("/{accountId}/loss")
    ResponseEntity<CommandReply> markLost(@PathVariable UUID accountId, @Valid @RequestBody LossReport loss) {
        commands.sendAndWait(lossOf(accountId, loss));
        return accepted(accountId);
    }

    @PostMapping("/{accountId}/win-back")
    ResponseEntity<CommandReply> winBack(@PathVariable UUID accountId,
                                         @Valid @RequestBody(required = false) WinBackReport winBack) {
        commands.sendAndWait(winBackOf(accountId, winBack));
        return accepted(accountId);
    }

    /** An import's lines: the same bodies, the path's account id as a field. */
    @Override
    public List<LineKind<?>> lineKinds() {
        return List.of(
                new LineKind<>("account", OpeningRequest.class, List.of(), List.of(LineKind.ACCOUNT_ID),
                        (ids, request, user) -> opening(request, null)),
                // a loss or win-back is recognised as already recorded by its time
                LineKind.ofAccount("loss", LossReport.class, "occurredAt",
                        (accountId, loss, user) -> lossOf(accountId, loss)),
                LineKind.ofAccount("win-back", WinBackReport.class, "occurredAt",
                        (accountId, winBack, user) -> winBackOf(accountId, winBack)));
    }

    private OpenAccount opening(OpeningRequest request, String idempotencyKey) {
        UUID accountId = RequestedId.resolve(request.accountId(), idempotencyKey, "account");
        return new OpenAccount(accountId, request.name().strip(), request.tier(), request.annualValue(),
                request.currency(), request.ownerId(), request.timezone() == null ? "UTC" : request.timezone(),
                request.cadenceDays(), clock.requireNotInFuture(request.occurredAt()), clock.now());
    }

    private MarkLost lossOf(UUID accountId, LossReport loss) {
        return new MarkLost(accountId, loss.reason(), loss.competitor(), loss.note(),
                clock.requireNotInFuture(loss.occurredAt()), clock.now());
    }

    private WinBack winBackOf(UUID accountId, WinBackReport winBack) {
        Instant occurredAt = winBack == null ? null : winBack.occurredAt();
        return new WinBack(accountId, clock.requireNotInFuture(occurredAt), clock.now());
    }

    private static ResponseEntity<CommandReply> accepted(UUID accountId) {
        return CommandReply.accepted("/api/accounts/" + accountId, accountId);
    }
}
