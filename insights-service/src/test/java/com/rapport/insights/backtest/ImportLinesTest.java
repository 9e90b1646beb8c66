package com.rapport.insights.backtest;

import com.rapport.events.account.AccountWonBack;
import com.rapport.events.outreach.UnmetNeedLostToCompetitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ImportLinesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final GeneratedFirm FIRM = GeneratedFirm.generate(FirmParameters.defaults().withNow(GeneratedFirmTest.NOW));
    /** The id each type of line must carry besides its account's (README, "Importing in bulk"). */
    private static final Map<String, String> IDS = Map.ofEntries(Map.entry("account", "accountId"),
            Map.entry("loss", "accountId"), Map.entry("win-back", "accountId"), Map.entry("contact", "contactId"),
            Map.entry("pitch", "pitchId"), Map.entry("feedback", "feedbackId"), Map.entry("unmet-need", "needId"),
            Map.entry("competitor-signal", "signalId"), Map.entry("exit-interview", "interviewId"),
            Map.entry("pitch-outcome", "pitchId"), Map.entry("need-resolution", "needId"));

    @Test
    void everyLineNamesItsTypeItsAccountItsOwnIdAndWhenItHappened() throws IOException {
        List<JsonNode> lines = lines(FIRM);

        assertThat(lines).hasSize(FIRM.accounts().stream().mapToInt(account -> account.events().size()).sum());
        assertThat(lines).allSatisfy(line -> {
            String type = line.get("type").asString();
            assertThat(IDS).containsKey(type);
            assertThat(UUID.fromString(line.get("accountId").asString())).isNotNull();
            assertThat(UUID.fromString(line.get(IDS.get(type)).asString())).isNotNull();
            assertThat(Instant.parse(line.get("occurredAt").asString())).isBefore(GeneratedFirmTest.NOW);
        });
        assertThat(lines.stream().map(line -> line.get("type").asString()).collect(Collectors.toSet()))
                .as("every kind the generator tells").contains("account", "loss", "contact", "pitch", "pitch-outcome",
                        "feedback", "unmet-need", "need-resolution", "competitor-signal", "exit-interview");
    }

    @Test
    void eachAccountsLinesComeTogetherItsOpeningFirst() throws IOException {
        List<JsonNode> lines = lines(FIRM);

        List<String> accountOrder = lines.stream().map(line -> line.get("accountId").asString()).distinct().toList();
        assertThat(accountOrder).containsExactlyElementsOf(
                FIRM.accounts().stream().map(account -> account.truth().accountId().toString()).toList());
        assertThat(lines.stream().filter(line -> line.get("type").asString().equals("account")))
                .hasSize(FIRM.accounts().size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "contact, channel, outcome, staffRole",
            "pitch, offering, faceToFace, staffId",
            "pitch-outcome, outcome, pitchId, accountId",
            "need-resolution, outcome, needId, accountId",
            "exit-interview, primaryReason, winBackChance, staffId",
            "account, tier, annualValue, currency",
    })
    void linesCarryTheFieldsTheirEndpointRequires(String type, String first, String second, String third) throws IOException {
        JsonNode line = lines(FIRM).stream().filter(candidate -> candidate.get("type").asString().equals(type))
                .findFirst().orElseThrow();

        assertThat(List.of(first, second, third)).allSatisfy(field -> assertThat(line.get(field)).as(field).isNotNull());
        assertThat(line.properties()).allSatisfy(field -> assertThat(field.getValue().isNull()).as(field.getKey()).isFalse());
    }

    @Test
    void winBacksAndNeedsLostToCompetitorsHaveTheirLinesToo() {
        UUID account = UUID.randomUUID();
        UUID need = UUID.randomUUID();
        Instant at = Instant.parse("2025-05-05T10:00:00Z");

        assertThat(ImportLines.line(new AccountWonBack(account, at)))
                .isEqualTo("{\"type\":\"win-back\",\"accountId\":\"" + account + "\",\"occurredAt\":\"2025-05-05T10:00:00Z\"}");
        assertThat(ImportLines.line(new UnmetNeedLostToCompetitor(need, account, "Globex", at)))
                .isEqualTo("{\"type\":\"need-resolution\",\"accountId\":\"" + account + "\",\"needId\":\"" + need
                        + "\",\"outcome\":\"LOST_TO_COMPETITOR\",\"competitor\":\"Globex\",\"occurredAt\":\"2025-05-05T10:00:00Z\"}");
    }

    private static List<JsonNode> lines(GeneratedFirm firm) throws IOException {
        StringWriter out = new StringWriter();
        ImportLines.write(firm, out);
        return out.toString().lines().map(JSON::readTree).filter(Objects::nonNull).toList();
    }
}
