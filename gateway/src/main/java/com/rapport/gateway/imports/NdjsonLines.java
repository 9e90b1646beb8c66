package com.rapport.gateway.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * NDJSON, one record a line. Blank lines are skipped but counted, so that line numbers are the
 * editor's. A line longer than a request body may be is refused with a 413 and skipped.
 */
final class NdjsonLines implements RecordSource {

    private final InputStream body;
    private final long maxLineBytes;
    private int number;

    NdjsonLines(InputStream body, long maxLineBytes) {
        this.body = body;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public Read next() throws IOException {
        while (true) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            boolean tooLong = false;
            int next = body.read();
            if (next < 0) {
                return null;
            }
            number++;
            for (; next >= 0 && next != '\n'; next = body.read()) {
                if (line.size() < maxLineBytes) {
                    line.write(next);
                } else {
                    tooLong = true;
                }
            }
            if (tooLong) {
                return Read.refused(number, null, 413, Problems.problem(413, "Content Too Large",
                        "The line is longer than " + maxLineBytes + " bytes, the most a record may take"));
            }
            String json = line.toString(StandardCharsets.UTF_8).strip();
            if (!json.isEmpty()) {
                return Records.classify(number, json);
            }
        }
    }
}
