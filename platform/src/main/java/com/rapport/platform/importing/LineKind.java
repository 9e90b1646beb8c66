package com.rapport.platform.importing;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One kind of line an import takes: the body its single endpoint reads, the ids that endpoint
 * takes from its path (a line carries them as fields), the fields an import needs although the
 * endpoint does not (the record's own id, so that a rerun appends nothing), and what the
 * endpoint does with a valid body. The endpoint and the import call the same recording.
 *
 * @param type     the line's {@code type}, e.g. {@code contact}
 * @param pathIds  the names of the ids the single endpoint takes from its path
 * @param required fields the body may leave out on its own endpoint but not in an import
 */
public record LineKind<B>(String type, Class<B> body, List<String> pathIds, List<String> required,
                          Recording<B> recording) {

    /** The id of the account a record concerns, which most endpoints take from their path. */
    public static final String ACCOUNT_ID = "accountId";

    /** What the single endpoint does with a valid body, up to the command it sends. */
    @FunctionalInterface
    public interface Recording<B> {

        /**
         * @param ids  the path's ids, by name
         * @param user the principal the gateway named ({@code X-Rapport-User}), if any
         * @return what to record: a command, or what the service makes one of
         */
        Object record(Map<String, UUID> ids, B body, String user);
    }

    /** What an endpoint with one id in its path does with a valid body. */
    @FunctionalInterface
    public interface OfOne<B> {

        Object record(UUID id, B body, String user);
    }

    public LineKind {
        pathIds = List.copyOf(pathIds);
        required = List.copyOf(required);
    }

    /**
     * A record of an account, whose endpoint takes the account's id from its path.
     *
     * @param required the record's own id, or what else recognises a retry
     */
    public static <B> LineKind<B> ofAccount(String type, Class<B> body, String required, OfOne<B> recording) {
        return ofOne(type, body, ACCOUNT_ID, List.of(required), recording);
    }

    /** The next step of a pitch, a need or a call, whose endpoint takes its id from the path. */
    public static <B> LineKind<B> ofStep(String type, Class<B> body, String id, OfOne<B> recording) {
        return ofOne(type, body, id, List.of(), recording);
    }

    private static <B> LineKind<B> ofOne(String type, Class<B> body, String pathId, List<String> required,
                                         OfOne<B> recording) {
        return new LineKind<>(type, body, List.of(pathId), required,
                (ids, valid, user) -> recording.record(ids.get(pathId), valid, user));
    }
}
