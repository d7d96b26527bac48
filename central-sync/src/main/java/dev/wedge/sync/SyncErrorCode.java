package dev.wedge.sync;

/**
 * Stable codes for everything that can go wrong in sync. Logs, acknowledgements on the wire and REST problem
 * responses reuse these names, so never rename a constant; add new ones instead.
 */
public enum SyncErrorCode {
    /** A caller passed a value that breaks a documented rule (blank kind, invalid JSON, ...). */
    INVALID_INPUT,
    /** {@code JdbcOutbox.append} was called on a connection in auto-commit mode. */
    NOT_IN_TRANSACTION,
    /** The database failed while reading or writing sync tables. */
    STORAGE_FAILED,
    /** HQ could not be reached or answered with a server error; the work will be retried. */
    HQ_UNREACHABLE,
    /** HQ answered with something that is not a valid sync answer. */
    PROTOCOL_VIOLATION,
    /** A record reuses a sequence or idempotency key that HQ already holds with different content. */
    DUPLICATE_WITH_DIFFERENT_CONTENT,
    /** A record's idempotency key is not {@code <warehouse>:<seq>}. */
    KEY_MISMATCH,
    /** The caller is not allowed to send for the warehouse named in the batch. */
    NOT_AUTHORISED,
    /** The thing asked for does not exist (unknown path, warehouse or conflict id). */
    NOT_FOUND,
    /** The HTTP server could not be started or stopped. */
    SERVER_FAILED,
    /** A request body is larger than the receiver reads. */
    TOO_LARGE,
    /** A request body is not of the media type the endpoint reads (JSON). */
    UNSUPPORTED_MEDIA_TYPE
}
