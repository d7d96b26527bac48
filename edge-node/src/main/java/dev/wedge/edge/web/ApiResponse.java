package dev.wedge.edge.web;

import java.util.Map;

/** A handler's answer when it needs to set response headers (a session cookie) besides the JSON body. */
public record ApiResponse(Object body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }
}
