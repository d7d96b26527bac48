package dev.wedge.edge.web;

/**
 * A request the web layer refuses before or around the domain: no session, wrong role, bad CSRF token, a
 * malformed body. Answered as {@code application/problem+json} with its stable {@code code}.
 */
public final class ApiException extends Exception {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "invalid-request", detail);
    }
}
