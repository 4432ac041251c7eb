package org.armstrace.api;

/** An id in an API v1 path that names nothing, or nothing the caller may see: a 404 problem. */
public final class ApiNotFound extends RuntimeException {

    public ApiNotFound(String message) {
        super(message);
    }
}
