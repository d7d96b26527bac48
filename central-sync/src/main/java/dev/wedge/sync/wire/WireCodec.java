package dev.wedge.sync.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import java.io.IOException;
import java.io.InputStream;

/** JSON encoding of the wire types; thread-safe and shared. */
public final class WireCodec {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private WireCodec() {
    }

    /** The shared mapper (configured for ISO-8601 instants). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Serialises any wire value to UTF-8 JSON bytes. */
    public static byte[] toJson(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "Cannot encode " + value.getClass(), e);
        }
    }

    /** Reads a value of the given type; a malformed document is a {@link SyncErrorCode#PROTOCOL_VIOLATION}. */
    public static <T> T fromJson(InputStream in, Class<T> type) {
        try {
            return MAPPER.readValue(in, type);
        } catch (SyncException e) {
            throw e;
        } catch (IOException e) {
            Throwable root = e.getCause() instanceof SyncException s ? s : e;
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION,
                    "Not a valid " + type.getSimpleName() + ": " + root.getMessage(), e);
        }
    }

    /** Same as {@link #fromJson(InputStream, Class)} for bytes. */
    public static <T> T fromJson(byte[] json, Class<T> type) {
        return fromJson(new java.io.ByteArrayInputStream(json), type);
    }

    /** Throws {@link SyncErrorCode#INVALID_INPUT} unless the text is exactly one JSON value. */
    public static void requireJson(String text, String what) {
        if (text == null) {
            throw SyncException.invalid(what + " is missing; it must be JSON text.");
        }
        try {
            if (MAPPER.readTree(text).isMissingNode()) {
                throw SyncException.invalid(what + " is empty; it must be JSON text.");
            }
        } catch (JsonProcessingException e) {
            throw SyncException.invalid(what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }
}
