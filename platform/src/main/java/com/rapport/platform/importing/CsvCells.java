package com.rapport.platform.importing;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CSV row as the JSON its single endpoint takes. A CSV cell is text, where JSON tells a number
 * and a flag from text: a cell whose field is a number becomes a JSON number and one whose field
 * is a flag a JSON boolean, when it reads as one (otherwise it stays text, and is refused as the
 * endpoint refuses text there); an empty cell is a field left out. Everything else is text in
 * JSON too: names, enum values, ids, times.
 */
final class CsvCells {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d+");

    private CsvCells() {
    }

    static byte[] typed(JsonNode row, Class<?> body) {
        Map<String, Class<?>> fields = Arrays.stream(body.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, RecordComponent::getType));
        ObjectNode typed = JsonNodeFactory.instance.objectNode();
        row.properties().forEach(cell -> {
            JsonNode value = cell.getValue();
            if (value.isString() && value.asString().isBlank()) {
                return;
            }
            typed.set(cell.getKey(), value.isString()
                    ? as(fields.getOrDefault(cell.getKey(), String.class), value.asString().strip(), value)
                    : value);
        });
        return JSON.writeValueAsBytes(typed);
    }

    private static JsonNode as(Class<?> field, String text, JsonNode cell) {
        if (Number.class.isAssignableFrom(field)) {
            return number(text).map(Function.<JsonNode>identity()).orElse(cell);
        }
        if (field == Boolean.class || field == boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> JsonNodeFactory.instance.booleanNode(true);
                case "false" -> JsonNodeFactory.instance.booleanNode(false);
                default -> cell;
            };
        }
        return cell;
    }

    private static Optional<JsonNode> number(String text) {
        try {
            BigDecimal number = new BigDecimal(text);
            return Optional.of(WHOLE.matcher(text).matches()
                    ? JsonNodeFactory.instance.numberNode(number.toBigIntegerExact())
                    : JsonNodeFactory.instance.numberNode(number));
        } catch (NumberFormatException | ArithmeticException notANumber) {
            return Optional.empty();
        }
    }
}
