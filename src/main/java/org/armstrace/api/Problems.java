package org.armstrace.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details for REST API v1. Every error the API gives, from the security filters
 * as much as from the controllers, is one of these; {@code type} names the problem so that
 * clients can branch on it.
 */
public final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String slug, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("urn:armstrace:problem:" + slug));
        p.setTitle(status.getReasonPhrase());
        return p;
    }

    /** The problem with the request's path as its instance. */
    public static ProblemDetail at(ProblemDetail p, HttpServletRequest request) {
        p.setInstance(URI.create(request.getRequestURI()));
        return p;
    }

    /** Writes a problem straight to the response, for filters that run before Spring MVC. */
    static void write(HttpServletResponse response, HttpStatus status, String slug, String detail, String instance)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"urn:armstrace:problem:" + slug + "\",\"title\":\""
                + json(status.getReasonPhrase()) + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail)
                + "\",\"instance\":\"" + json(instance) + "\"}");
    }

    private static String json(String s) {
        var sb = new StringBuilder(s.length() + 8);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
