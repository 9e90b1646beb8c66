package com.rapport.examples.tally;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The consumer's own state: events counted per type and per account, and the feed position up to
 * which they are counted. The position is the resume token: it is saved with the counts, in one
 * file replaced atomically, so after a crash the two always agree.
 */
public final class Tally {

    private static final String POSITION = "position";
    private static final String TYPE = "type.";
    private static final String ACCOUNT = "account.";

    private long position;
    private final Map<String, Long> byType = new TreeMap<>();
    private final Map<String, Long> byAccount = new TreeMap<>();

    /**
     * Counts an event once. The feed delivers at least once (a consumer that resumes from a saved
     * position may see again what it counted after saving), and in order, so anything at or before
     * the position is a redelivery.
     *
     * @return whether the event was new
     */
    public boolean count(FeedEvent event) {
        if (event.position() <= position) {
            return false;
        }
        position = event.position();
        byType.merge(event.type(), 1L, Long::sum);
        if (event.subject() != null) {
            byAccount.merge(event.subject(), 1L, Long::sum);
        }
        return true;
    }

    public long position() {
        return position;
    }

    public Map<String, Long> byType() {
        return Map.copyOf(byType);
    }

    public Map<String, Long> byAccount() {
        return Map.copyOf(byAccount);
    }

    void save(Path file) {
        Properties state = new Properties();
        state.setProperty(POSITION, Long.toString(position));
        byType.forEach((type, count) -> state.setProperty(TYPE + type, count.toString()));
        byAccount.forEach((account, count) -> state.setProperty(ACCOUNT + account, count.toString()));
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try (Writer out = Files.newBufferedWriter(next)) {
            state.store(out, "feed-tally: events counted up to the position");
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the tally to " + file, e);
        }
    }

    /** The saved tally, or an empty one that starts at the beginning of the feed. */
    public static Tally load(Path file) {
        Tally tally = new Tally();
        if (!Files.exists(file)) {
            return tally;
        }
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the tally in " + file, e);
        }
        tally.position = Long.parseLong(state.getProperty(POSITION, "0"));
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith(TYPE)) {
                tally.byType.put(key.substring(TYPE.length()), Long.parseLong(state.getProperty(key)));
            } else if (key.startsWith(ACCOUNT)) {
                tally.byAccount.put(key.substring(ACCOUNT.length()), Long.parseLong(state.getProperty(key)));
            }
        }
        return tally;
    }
}
