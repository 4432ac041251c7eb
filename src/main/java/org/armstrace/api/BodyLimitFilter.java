package org.armstrace.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an API body larger than {@value #MAX_BYTES} bytes before anything reads it: a trace
 * request is a few kilobytes, and a 50 MB body must not be parsed into memory. Bodies sent without
 * a length (chunked) are refused too, since the API's clients all know what they send.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    static final long MAX_BYTES = 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > MAX_BYTES || chunked) {
            Problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "body-too-large",
                    "An API request body may be at most 1 MB and must state its length.", request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }
}
