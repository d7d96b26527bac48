package dev.wedge.sync.hq;

import dev.wedge.sync.SyncErrorCode;
import dev.wedge.sync.SyncException;
import dev.wedge.sync.wire.Batch;
import dev.wedge.sync.wire.Gzip;
import dev.wedge.sync.wire.InboundAck;
import dev.wedge.sync.wire.InboundPage;
import dev.wedge.sync.wire.Names;
import dev.wedge.sync.wire.WireCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes HQ's HTTP requests: the sync endpoint used by edges and the read API and page used by people.
 * Errors are answered as RFC 9457 problem documents carrying a {@link SyncErrorCode}.
 */
final class HqHandler extends Handler.Abstract {
    static final String BATCHES = "/sync/v1/batches";
    static final String HEALTH = "/sync/v1/health";
    static final String INBOUND = "/sync/v1/inbound";
    static final String INBOUND_ACKS = "/sync/v1/inbound/acks";
    private static final Logger LOG = LoggerFactory.getLogger(HqHandler.class);
    static final int MAX_BODY = 64 * 1024 * 1024;
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    private final BatchReceiver receiver;
    private final HqStore store;
    private final WarehouseAuthenticator authenticator;
    private final HqReportApi reports;

    HqHandler(BatchReceiver receiver, HqStore store, HqSecurity security) {
        this.receiver = receiver;
        this.store = store;
        this.authenticator = new WarehouseAuthenticator(security);
        this.reports = new HqReportApi(store);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        try {
            if (BATCHES.equals(path) && "POST".equals(method)) {
                Batch batch = WireCodec.fromJson(readBody(request), Batch.class);
                authenticator.authorise(request, batch.warehouseId());
                byte[] answer = WireCodec.toJson(receiver.receive(batch));
                boolean gzip = accepts(request, Gzip.ENCODING) && answer.length > 1024;
                if (gzip) {
                    response.getHeaders().put(HttpHeader.CONTENT_ENCODING, Gzip.ENCODING);
                    answer = Gzip.compress(answer);
                }
                write(response, callback, 200, "application/json", answer);
            } else if (INBOUND_ACKS.equals(path) && "POST".equals(method)) {
                InboundAck ack = WireCodec.fromJson(readBody(request), InboundAck.class);
                authenticator.authorise(request, ack.warehouseId());
                store.acknowledgeInbound(ack.warehouseId(), ack.through());
                json(response, callback, 200, Map.of("warehouseId", ack.warehouseId(),
                        "ackedThrough", store.inboundAckedThrough(ack.warehouseId())));
            } else if (!"GET".equals(method)) {
                problem(response, callback, 405, SyncErrorCode.INVALID_INPUT, method + " is not allowed on " + path);
            } else if (INBOUND.equals(path)) {
                json(response, callback, 200, inboundPage(request));
            } else if (HEALTH.equals(path)) {
                json(response, callback, 200, Map.of("status", "up"));
            } else if ("/api/warehouses".equals(path)) {
                json(response, callback, 200, store.warehouses());
            } else if (path.startsWith("/api/warehouses/") && path.endsWith("/records")) {
                String id = path.substring("/api/warehouses/".length(), path.length() - "/records".length());
                json(response, callback, 200, recordsPage(Names.requireWarehouseId(id), request));
            } else if (path.startsWith(HqReportApi.PREFIX)) {
                json(response, callback, 200, reports.answer(path, Request.extractQueryParameters(request)));
            } else if ("/reports".equals(path)) {
                byte[] html = reports.page().getBytes(StandardCharsets.UTF_8);
                write(response, callback, 200, "text/html; charset=utf-8", html);
            } else if ("/".equals(path)) {
                byte[] html = HqPage.render(store.warehouses(), store.recent(50)).getBytes(StandardCharsets.UTF_8);
                write(response, callback, 200, "text/html; charset=utf-8", html);
            } else {
                problem(response, callback, 404, SyncErrorCode.NOT_FOUND, "No resource at " + path);
            }
        } catch (SyncException e) {
            int status = switch (e.code()) {
                case STORAGE_FAILED -> 503;
                case NOT_AUTHORISED -> 403;
                case NOT_FOUND -> 404;
                case TOO_LARGE -> 413;
                case UNSUPPORTED_MEDIA_TYPE -> 415;
                default -> 400;
            };
            if (status == 503) {
                LOG.warn("Request {} {} failed: {}", method, path, e.getMessage(), e);
            }
            problem(response, callback, status, e.code(), e.getMessage());
        }
        return true;
    }

    private InboundPage inboundPage(Request request) {
        Fields query = Request.extractQueryParameters(request);
        String warehouseId = Names.requireWarehouseId(query.getValue("warehouse"));
        authenticator.authorise(request, warehouseId);
        long after = parseLong(query.getValue("after"), 0, "after");
        long limit = parseLong(query.getValue("limit"), DEFAULT_LIMIT, "limit");
        if (limit < 1 || limit > MAX_LIMIT || after < 0) {
            throw SyncException.invalid("after " + after + " must be 0 or more and limit " + limit + " 1-"
                    + MAX_LIMIT + ".");
        }
        return store.inbound(warehouseId, after, (int) limit);
    }

    private Map<String, Object> recordsPage(String warehouseId, Request request) {
        Fields query = Request.extractQueryParameters(request);
        long after = parseLong(query.getValue("after"), 0, "after");
        long limit = parseLong(query.getValue("limit"), DEFAULT_LIMIT, "limit");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw SyncException.invalid("limit " + limit + " must be 1-" + MAX_LIMIT + ".");
        }
        List<StoredRecord> records = store.records(warehouseId, after, (int) limit);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("warehouseId", warehouseId);
        page.put("records", records);
        page.put("nextAfter", records.isEmpty() ? null : records.get(records.size() - 1).seq());
        return page;
    }

    private static long parseLong(String text, long fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw SyncException.invalid("Query parameter " + name + "='" + text + "' is not a whole number.");
        }
    }

    private static boolean accepts(Request request, String encoding) {
        String accepted = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        return accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains(encoding);
    }

    private static byte[] readBody(Request request) {
        String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (!"application/json".equals(media)) {
            throw new SyncException(SyncErrorCode.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + (type == null
                    ? "(none)" : "'" + type + "'") + " is not application/json: send the body as JSON.");
        }
        String encoding = request.getHeaders().get(HttpHeader.CONTENT_ENCODING);
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (Gzip.ENCODING.equalsIgnoreCase(encoding)) {
                return Gzip.decompress(in, MAX_BODY);
            } else if (encoding != null && !"identity".equalsIgnoreCase(encoding)) {
                throw SyncException.invalid("Content-Encoding " + encoding + " is not supported (use gzip).");
            }
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new SyncException(SyncErrorCode.TOO_LARGE, "Batch is larger than " + MAX_BODY + " bytes.");
            }
            return body;
        } catch (IOException e) {
            throw new SyncException(SyncErrorCode.PROTOCOL_VIOLATION, "Batch body could not be read: " + e, e);
        }
    }

    private static void json(Response response, Callback callback, int status, Object value) {
        write(response, callback, status, "application/json", WireCodec.toJson(value));
    }

    private static void problem(Response response, Callback callback, int status, SyncErrorCode code,
            String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:wedge:sync:" + code.name().toLowerCase(java.util.Locale.ROOT));
        body.put("title", code.name());
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code.name());
        write(response, callback, status, "application/problem+json", WireCodec.toJson(body));
    }

    private static void write(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
