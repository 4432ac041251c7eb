package org.armstrace.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API body larger than {@code armstrace.api.max-body-size} (1 MB by default) before
 * anything reads it: a trace request is a few kilobytes, and a 50 MB body must not be parsed into
 * memory. Bodies sent without a length (chunked) are refused too, since the API's clients all know
 * what they send. It sits in the API chain, whose matcher covers every API route ({@code /api/**});
 * the actuator's chain serves only reads.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    BodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > maxBytes || chunked) {
            response.setHeader("Connection", "close");
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "An API request body may be at most "
                    + maxBytes / 1024 + " KB and must state its length.", request.getRequestURI());
            // On the wire now: Tomcat then reads at most server.tomcat.max-swallow-size of the unread
            // body and closes the connection, and a client still sending has its answer already.
            response.flushBuffer();
            return;
        }
        chain.doFilter(request, response);
    }
}
