package com.rapport.platform.importing;

import com.rapport.platform.problem.InvalidField;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Conventions;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.AbstractJacksonHttpMessageConverter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Validator;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.WebRequest;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records a chunk of an import: NDJSON, one record a line, each with its {@code type} and the ids
 * its single endpoint takes from the path. Each line is read by the same JSON converter, checked
 * by the same validator and recorded by the same {@link LineKind.Recording} as the single
 * endpoint, and a line refused gets the status and problem body that endpoint answers.
 * <p>
 * The chunk is one transaction, and each line a savepoint in it: a line refused rolls back to
 * its savepoint, so nothing of it is written and the lines before it stay; the chunk commits
 * once, before it is answered. A failure that is not the line's own (the database went away, a
 * bug: a 5xx) rolls the whole chunk back and is the chunk's answer.
 */
public final class LineImport {

    /** The store position the chunk's reader must have caught up with first (the gateway sends it to outreach). */
    public static final String AFTER_POSITION = "X-Rapport-After-Position";
    /** {@value #CSV_CELLS}: every value of every line is a CSV cell, text to be read as its field's type. */
    public static final String LINE_FORMAT = "X-Rapport-Line-Format";
    public static final String CSV_CELLS = "csv";

    private static final Logger log = LoggerFactory.getLogger(LineImport.class);
    private static final MethodParameter BODY = bodyParameter();

    /** What a service makes of what a line records, once it knows every line of the chunk. */
    @FunctionalInterface
    public interface Commands {
        Object command(Object recorded);
    }

    private final Map<String, LineKind<?>> kinds = new LinkedHashMap<>();
    private final Supplier<AbstractJacksonHttpMessageConverter<?>> json;
    private final Validator validator;
    private final LineProblems problems;
    private final TransactionTemplate chunk;
    private final TransactionTemplate line;
    private final CommandGateway commands;
    private final AppendedEvents appended;
    private final EventStore store;

    /**
     * @param json     the converter the service reads request bodies with
     * @param commands a gateway that sends each command once, in this thread: a retry on another
     *                 thread would run outside the chunk's transaction
     */
    LineImport(List<ImportedLines> adapters, Supplier<AbstractJacksonHttpMessageConverter<?>> json, Validator validator,
               LineProblems problems, PlatformTransactionManager transactions, CommandGateway commands,
               AppendedEvents appended, EventStore store) {
        adapters.stream().flatMap(adapter -> adapter.lineKinds().stream())
                .forEach(kind -> kinds.put(kind.type(), kind));
        this.json = json;
        this.validator = validator;
        this.problems = problems;
        this.chunk = new TransactionTemplate(transactions);
        this.line = new TransactionTemplate(transactions);
        this.line.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.commands = commands;
        this.appended = appended;
        this.store = store;
    }

    /**
     * @param body     NDJSON; line numbers count from 1, blank lines included
     * @param csvCells whether every value is a CSV cell ({@value #LINE_FORMAT}: {@value #CSV_CELLS})
     * @param user     the principal the gateway named
     * @param prepare  given the path ids of every line read, what to send for what a line records
     * @return 200 with the chunk's {@link ChunkReport}, or the problem that stopped the chunk
     */
    public ResponseEntity<?> importChunk(byte[] body, boolean csvCells, String user, WebRequest request,
                                         Function<Collection<Map<String, UUID>>, Commands> prepare) {
        List<Line> lines = Line.split(body);
        List<ReadLine> read = new ArrayList<>();
        List<RefusedLine> refused = new ArrayList<>();
        for (Line candidate : lines) {
            try {
                read.add(read(candidate, csvCells));
            } catch (RuntimeException | MethodArgumentNotValidException failure) {
                refused.add(refusal(candidate.number(), candidate.type(), failure, request));
            }
        }
        Commands toSend = prepare.apply(read.stream().map(ReadLine::ids).toList());
        int[] recordedAndUnchanged = new int[2];
        try {
            chunk.executeWithoutResult(transaction -> {
                for (ReadLine next : read) {
                    try {
                        int events = line.execute(savepoint -> appended.countWhile(() ->
                                commands.sendAndWait(toSend.command(next.recording(user)))));
                        recordedAndUnchanged[events > 0 ? 0 : 1]++;
                    } catch (RuntimeException failure) {
                        RefusedLine refusal = refusal(next.number(), next.kind().type(), failure, request);
                        if (refusal.status() >= 500) {
                            throw new ChunkStopped(refusal);
                        }
                        refused.add(refusal);
                    }
                }
            });
        } catch (ChunkStopped stopped) {
            log.warn("An import chunk was rolled back at its line {}: {}", stopped.refusal.line(),
                    stopped.refusal.problem().getDetail());
            return ResponseEntity.status(stopped.refusal.status()).body(stopped.refusal.problem());
        }
        refused.sort(Comparator.comparingInt(RefusedLine::line));
        return ResponseEntity.ok(new ChunkReport(lines.size(), recordedAndUnchanged[0], recordedAndUnchanged[1],
                refused, head()));
    }

    /** Reads and checks a line as its single endpoint reads and checks its request. */
    private ReadLine read(Line candidate, boolean csvCells) throws MethodArgumentNotValidException {
        JsonNode tree = read(JsonNode.class, candidate.json());
        LineKind<?> kind = kindOf(tree);
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (String name : kind.pathIds()) {
            ids.put(name, id(tree, name));
        }
        for (String name : kind.required()) {
            if (tree.get(name) == null || tree.get(name).isNull()) {
                throw new InvalidField(name, "NotNull", "is required in an import, so that running it again appends nothing twice");
            }
        }
        return readBody(candidate.number(), kind, ids, csvCells ? CsvCells.typed(tree, kind.body()) : candidate.json());
    }

    private <B> ReadLine readBody(int number, LineKind<B> kind, Map<String, UUID> ids, byte[] json)
            throws MethodArgumentNotValidException {
        B body = read(kind.body(), json);
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(body, Conventions.getVariableName(body));
        validator.validate(body, errors);
        if (errors.hasErrors()) {
            throw new MethodArgumentNotValidException(BODY, errors);
        }
        return new ReadLine(number, kind, ids, user -> kind.recording().record(ids, body, user));
    }

    private LineKind<?> kindOf(JsonNode tree) {
        JsonNode type = tree.get("type");
        LineKind<?> kind = type == null || !type.isString() ? null : kinds.get(type.asString());
        if (kind == null) {
            throw new InvalidField("type", "OneOf", "must be one of " + String.join(", ", kinds.keySet()));
        }
        return kind;
    }

    /** An id the single endpoint takes from its path, read as Spring reads a path variable. */
    private static UUID id(JsonNode tree, String name) {
        JsonNode value = tree.get(name);
        if (value == null || value.isNull()) {
            throw new InvalidField(name, "NotNull", "is required");
        }
        try {
            if (value.isString()) {
                return UUID.fromString(value.asString());
            }
        } catch (IllegalArgumentException notAnId) {
            // answered below, as a path variable that is no UUID
        }
        TypeMismatchException mismatch = new TypeMismatchException(value.toString(), UUID.class);
        mismatch.initPropertyName(name);
        throw mismatch;
    }

    @SuppressWarnings("unchecked")
    private <T> T read(Class<T> type, byte[] json) {
        try {
            return (T) this.json.get().read(ResolvableType.forClass(type), new LineInput(json), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RefusedLine refusal(int number, String type, Exception failure, WebRequest request) {
        LineProblems.Problem problem = problems.of(failure, request);
        return new RefusedLine(number, type, problem.status(), problem.body());
    }

    private long head() {
        TrackingToken head = store.createHeadToken();
        return head == null ? 0 : head.position().orElse(0);
    }

    private static MethodParameter bodyParameter() {
        try {
            return new MethodParameter(LineKind.Recording.class.getMethod("record", Map.class, Object.class, String.class), 1);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A line of the body: its number, counting from 1, and its bytes. */
    private record Line(int number, byte[] json) {

        static List<Line> split(byte[] body) {
            List<Line> lines = new ArrayList<>();
            int start = 0;
            int number = 1;
            for (int i = 0; i <= body.length; i++) {
                if (i == body.length || body[i] == '\n') {
                    int end = i > start && body[i - 1] == '\r' ? i - 1 : i;
                    if (!isBlank(body, start, end)) {
                        lines.add(new Line(number, Arrays.copyOfRange(body, start, end)));
                    }
                    start = i + 1;
                    number++;
                }
            }
            return lines;
        }

        private static boolean isBlank(byte[] body, int start, int end) {
            for (int i = start; i < end; i++) {
                if (body[i] != ' ' && body[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** The line's type, if it names one plainly, for the report of a line that cannot be read. */
        String type() {
            Matcher type = TYPE.matcher(new String(json, StandardCharsets.UTF_8));
            return type.find() ? type.group(1) : null;
        }

        private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([a-z-]{1,40})\"");
    }

    /** A line read and checked, ready to be recorded. */
    private record ReadLine(int number, LineKind<?> kind, Map<String, UUID> ids, Function<String, Object> recording) {

        Object recording(String user) {
            return recording.apply(user);
        }
    }

    private record LineInput(byte[] json) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(json);
        }

        @Override
        public HttpHeaders getHeaders() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return headers;
        }
    }

    private static final class ChunkStopped extends RuntimeException {

        private final RefusedLine refusal;

        ChunkStopped(RefusedLine refusal) {
            super(null, null, false, false);
            this.refusal = refusal;
        }
    }
}
