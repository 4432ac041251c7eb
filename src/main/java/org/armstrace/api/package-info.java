/**
 * What every REST API v1 endpoint shares: bearer tokens and their administration, rate limits,
 * body limits, RFC 9457 problem details and the OpenAPI description. The endpoints themselves live in
 * their features ({@code registry.api}, {@code tracing.api}, {@code statistics.api}).
 */
@ApplicationModule(displayName = "REST API v1")
package org.armstrace.api;

import org.springframework.modulith.ApplicationModule;
