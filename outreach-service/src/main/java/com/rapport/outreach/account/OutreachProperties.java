package com.rapport.outreach.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * @param accountWait how long a command waits for an account it does not know yet (just opened,
 *                    its event still on the way) before answering 404, or for a loss or win-back
 *                    still on its way before answering 409
 */
@Validated
@ConfigurationProperties("rapport.outreach")
public record OutreachProperties(@DefaultValue("PT3S") Duration accountWait) {
}
