package com.rapport.examples.tally;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Reads a text/event-stream as the HTML standard defines it: "field: value" lines, a blank line
 * ends a message, lines starting with a colon are comments (Rapport's heartbeats).
 */
final class ServerSentEvents {

    /** One dispatched message; {@code id} is the last event id seen so far on the stream. */
    record Message(String id, String event, String data) {
    }

    private ServerSentEvents() {
    }

    /** Hands each message to {@code onMessage} until the stream ends. */
    static void read(BufferedReader stream, Consumer<Message> onMessage) throws IOException {
        String lastId = null;
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = stream.readLine()) != null) {
            if (line.isEmpty()) {
                // a message without data is not dispatched, but its id still counts
                if (data != null) {
                    onMessage.accept(new Message(lastId, event == null ? "message" : event, data.toString()));
                }
                event = null;
                data = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> lastId = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // "retry" and unknown fields: nothing this consumer needs
                }
            }
        }
    }
}
