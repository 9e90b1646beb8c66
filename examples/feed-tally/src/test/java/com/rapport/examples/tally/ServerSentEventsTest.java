package com.rapport.examples.tally;

import com.rapport.examples.tally.ServerSentEvents.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class ServerSentEventsTest {

    static Stream<Arguments> streams() {
        return Stream.of(
                arguments("one message", "id: 7\nevent: a\ndata: {}\n\n", List.of(new Message("7", "a", "{}"))),
                arguments("no space after the colon", "id:7\nevent:a\ndata:{}\n\n", List.of(new Message("7", "a", "{}"))),
                arguments("CRLF line ends", "id: 7\r\nevent: a\r\ndata: {}\r\n\r\n", List.of(new Message("7", "a", "{}"))),
                arguments("a heartbeat comment between messages",
                        "id: 1\ndata: x\n\n:heartbeat\n\nid: 2\ndata: y\n\n",
                        List.of(new Message("1", "message", "x"), new Message("2", "message", "y"))),
                arguments("data over several lines", "id: 3\ndata: a\ndata: b\n\n", List.of(new Message("3", "message", "a\nb"))),
                arguments("the id carries over to a message without one",
                        "id: 4\ndata: x\n\ndata: y\n\n",
                        List.of(new Message("4", "message", "x"), new Message("4", "message", "y"))),
                arguments("a message cut off by the end of the stream", "id: 5\ndata: x\n", List.of()),
                arguments("fields this reader does not use", "retry: 1000\nfoo: bar\nid: 6\ndata: x\n\n",
                        List.of(new Message("6", "message", "x"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void reads(String description, String stream, List<Message> expected) throws IOException {
        List<Message> read = new ArrayList<>();
        ServerSentEvents.read(new BufferedReader(new StringReader(stream)), read::add);
        assertThat(read).isEqualTo(expected);
    }
}
