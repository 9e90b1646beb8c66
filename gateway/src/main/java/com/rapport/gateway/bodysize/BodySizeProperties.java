package com.rapport.gateway.bodysize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBodySize   the largest request body the gateway accepts (bytes unless a unit is given), and
 *                      the longest line of an import
 * @param maxImportSize the largest body of an import ({@code POST /api/import}), which streams
 */
@ConfigurationProperties("rapport.request")
@Validated
public record BodySizeProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("4GB") DataSize maxImportSize) {
}
