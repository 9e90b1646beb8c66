package com.rapport.gateway.imports;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.io.InputStream;
import java.util.Map;

/**
 * CSV as a CRM exports accounts or contacts: a header row naming the fields (the JSON bodies'
 * camelCase names), then one record a row, a quoted cell may span lines. Each row becomes the
 * line of an NDJSON import of the given type, its cells text (the service reads each as the
 * field it fills); an empty cell is a field left out. A row is numbered by the line it starts on.
 * A row that is not CSV (an unclosed quote) is refused and ends the reading: where the next row
 * starts is anyone's guess.
 */
final class CsvRows implements RecordSource {

    private static final CsvMapper CSV = CsvMapper.builder().build();

    private final String type;
    private final MappingIterator<Map<String, String>> rows;
    private boolean broken;

    CsvRows(InputStream body, String type) {
        this.type = type;
        this.rows = CSV.readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(body);
    }

    @Override
    public Read next() {
        int number = 0;
        try {
            if (broken || !rows.hasNextValue()) {
                return null;
            }
            // the parser stands where the row's first cell begins, and counts the lines before it
            number = rows.parser().currentTokenLocation().getLineNr() + 1;
            ObjectNode record = Problems.JSON.createObjectNode().put("type", type);
            rows.nextValue().forEach(record::put);
            return Records.classify(number, Problems.JSON.writeValueAsString(record));
        } catch (JacksonException malformed) {
            broken = true;
            return Read.refused(number, type, 400, Problems.invalid("$", "CSV",
                    "The row is not well-formed CSV: " + malformed.getOriginalMessage()));
        }
    }
}
