package com.rapport.platform.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every service reads requests by the same rules (the platform's web auto-configuration): a body
 * strictly, text that can be stored, times within the permitted years, and a 400 naming the
 * field and the rule for anything else.
 */
@WebMvcTest(properties = "rapport.schema=strict_requests")
class StrictRequestsTest {

    enum Tier { KEY, CORE }

    record Item(String text, List<String> texts, Instant at) {
    }

    record Body(String name, List<String> otherReasons, List<Item> items, Item item, Instant occurredAt,
                Integer cadenceDays, Boolean faceToFace, BigDecimal annualValue, Tier tier, List<Tier> tiers) {
    }

    @RestController
    static class Echo {

        @PostMapping("/echo")
        Body body(@RequestBody Body body) {
            return body;
        }

        @GetMapping("/echo/{name}")
        Map<String, Object> parameters(@PathVariable String name, @RequestParam(required = false) String q,
                                       @RequestParam(required = false) Instant asOf,
                                       @RequestParam(required = false) LocalDate date,
                                       @RequestParam(required = false) Duration step) {
            Map<String, Object> read = new LinkedHashMap<>();
            read.put("name", name);
            read.put("q", q);
            read.put("asOf", asOf);
            read.put("date", date);
            read.put("step", step);
            return read;
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Echo.class)
    static class Service {
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aWellFormedBodyIsReadAsBefore() throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Acme\\tLtd\\n", "otherReasons": ["PRICE", "\uD83D\uDE80"], "items": [{"text": "a", "at": "2026-01-31T09:30:00+01:00"}],
                         "occurredAt": "2026-01-31T09:30:00Z", "cadenceDays": 30, "faceToFace": true, "annualValue": 1200.50,
                         "tier": "KEY", "tiers": ["CORE"], "unknown": "ignored, as before"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Acme\tLtd\n"))
                .andExpect(jsonPath("$.otherReasons[1]").value("\uD83D\uDE80"))
                .andExpect(jsonPath("$.items[0].at").value("2026-01-31T08:30:00Z"))
                .andExpect(jsonPath("$.annualValue").value(1200.50));
    }

    @ParameterizedTest(name = "{0}: 400 on {2} ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            U+0000 in a text                     | {"name": "Acme\\u0000Ltd"}                         | name              | StorableText
            a lone surrogate                     | {"name": "Acme\\ud800Ltd"}                         | name              | StorableText
            an escape sequence                   | {"name": "\\u001b[31m"}                            | name              | StorableText
            U+0000 in a list                     | {"otherReasons": ["PRICE", "\\u0000"]}             | otherReasons[1]   | StorableText
            U+0000 deep down                     | {"items": [{"text": "a"}, {"texts": ["b", "\\udc00"]}]} | items[1].texts[1] | StorableText
            a year out of range                  | {"occurredAt": "-1000000000-01-01T00:00:00Z"}      | occurredAt        | TimeRange
            1899                                 | {"items": [{"at": "1899-12-31T23:59:59Z"}]}        | items[0].at       | TimeRange
            2201                                 | {"item": {"at": "2201-01-01T00:00:00Z"}}           | item.at           | TimeRange
            a number as a time                   | {"occurredAt": 1e308}                              | occurredAt        | Type
            seconds since 1970                   | {"occurredAt": 1700000000}                         | occurredAt        | Type
            seconds since 1970 as text           | {"occurredAt": "1700000000"}                       | occurredAt        | Format
            a time without its zone              | {"occurredAt": "2026-01-31T09:30:00"}              | occurredAt        | Format
            a number as text                     | {"cadenceDays": "30"}                              | cadenceDays       | Type
            a decimal as text                    | {"annualValue": "1200.50"}                         | annualValue       | Type
            a flag as text                       | {"faceToFace": "true"}                             | faceToFace        | Type
            a number as a flag                   | {"faceToFace": 99999999999999999999999}            | faceToFace        | Format
            one as a flag                        | {"faceToFace": 1}                                  | faceToFace        | Format
            a fraction for a whole number        | {"cadenceDays": 30.5}                              | cadenceDays       | Format
            a whole number out of range          | {"cadenceDays": 99999999999}                       | cadenceDays       | Type
            an empty text for a number           | {"cadenceDays": ""}                                | cadenceDays       | Format
            a number as text                     | {"name": 12}                                       | name              | Type
            a flag as text                       | {"name": true}                                     | name              | Type
            an enum by its index                 | {"tier": 1}                                        | tier              | Format
            a single value for a list            | {"tiers": "KEY"}                                   | tiers             | Type
            a list for a single value            | {"name": ["Acme"]}                                 | name              | Type
            a property sent twice                | {"name": "Acme", "name": "Other"}                  | name              | NoDuplicate
            a property sent twice, deep down     | {"items": [{"text": "a"}, {"text": "a", "text": "b"}]} | items[1].text | NoDuplicate
            malformed JSON                       | {"name": "Acme", "tier":                           | $                 | JSON
            """)
    void aBodyBreakingARuleIsA400NamingTheField(String description, String body, String field, String rule) throws Exception {
        mvc.perform(post("/echo").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    @Test
    void parametersAreReadAsTheContractWritesThem() throws Exception {
        mvc.perform(get("/echo/Acme").param("q", "Société \uD83D\uDE80").param("asOf", "2026-01-31T09:30:00Z")
                        .param("date", "2026-01-31").param("step", "P7D"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.q").value("Société \uD83D\uDE80"))
                .andExpect(jsonPath("$.asOf").value("2026-01-31T09:30:00Z"))
                .andExpect(jsonPath("$.date").value("2026-01-31"))
                .andExpect(jsonPath("$.step").value("PT168H"));
    }

    static Stream<Arguments> badParameters() {
        return Stream.of(
                arguments("q", "Acme\u0000", "StorableText"),
                arguments("q", "\uD800", "StorableText"),
                arguments("asOf", "-1000000000-01-01T00:00:00Z", "TimeRange"),
                arguments("asOf", "1700000000", "Format"),
                arguments("asOf", "1e308", "Format"),
                arguments("asOf", "Sat, 31 Jan 2026 09:30:00 GMT", "Format"),
                arguments("date", "1899-12-31", "TimeRange"),
                arguments("date", "2025-02-30", "Format"),
                arguments("step", "P9999999999999D", "TimeRange"),
                arguments("step", "P1Y", "Format"));
    }

    @ParameterizedTest(name = "{0}={1}: 400 ({2})")
    @MethodSource("badParameters")
    void aParameterBreakingARuleIsA400NamingIt(String parameter, String value, String rule) throws Exception {
        mvc.perform(get("/echo/Acme").param(parameter, value))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                .andExpect(jsonPath("$.errors[0].rule").value(rule));
    }

    @ParameterizedTest(name = "?{0}: 400 on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            q=%ED%A0%80              | q
            date=2026-01-31&q=%FF    | q
            q%FF=x                   | q%FF
            """)
    void aQueryThatIsNotUtf8IsA400NamingTheParameter(String query, String parameter) throws Exception {
        mvc.perform(get(URI.create("/echo/Acme?" + query)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(parameter))
                .andExpect(jsonPath("$.errors[0].rule").value("StorableText"));
    }

    @Test
    void aPathVariableBreakingARuleIsA400NamingIt() throws Exception {
        mvc.perform(get("/echo/{name}", "Acme\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].rule").value("StorableText"));
    }
}
