package dev.wedge.edge.web;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses itself, before they reach Wedge (an ambiguous path such as an encoded
 * {@code /}, a header or URI that is too long, a request line it cannot parse), as {@code application/problem+json}
 * with a stable code, like every other error of the node, instead of Jetty's HTML error page.
 */
final class ProblemErrors extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        Router.Answer a = answer(status, message);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType());
        response.write(true, ByteBuffer.wrap(a.body().getBytes(StandardCharsets.UTF_8)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Router.Answer a = answer(status, reason);
        fields.put(HttpHeader.CONTENT_TYPE, a.contentType());
        return ByteBuffer.wrap(a.body().getBytes(StandardCharsets.UTF_8));
    }

    static Router.Answer answer(int status, String message) {
        String code = switch (status) {
            case 400 -> "invalid-request";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
        String detail = message == null || message.isBlank() ? HttpStatus.getMessage(status) : message;
        return Router.problem(status, code, "the web server refused the request: " + detail);
    }
}
