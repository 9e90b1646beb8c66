package com.rapport.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * What each service tells the platform about itself.
 *
 * @param schema         the database schema holding this service's token store and read models
 * @param clockSkew      how far in the future an {@code occurredAt} may lie, for clients whose clocks run ahead
 * @param commandRetries how often a command that lost a race on its aggregate is tried again before a 409
 * @param eventFetchDelay how long the processors' reader waits before it looks in the store again when it
 *                        found nothing new: events another service appended are only found by looking
 * @param processorWakeGap the least time between two wake-ups of the processors on new events: each starts a
 *                         batch, so a longer gap takes more events per transaction under load, and a read
 *                         model follows up to that much later
 */
@Validated
@ConfigurationProperties("rapport")
public record PlatformProperties(
        @NotBlank @Pattern(regexp = "[a-z_]+") String schema,
        @DefaultValue("PT2M") Duration clockSkew,
        @DefaultValue("5") @Min(0) @Max(20) int commandRetries,
        @DefaultValue("PT0.05S") Duration eventFetchDelay,
        @DefaultValue("PT0.1S") Duration processorWakeGap) {
}
