package org.armstrace.api;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token bucket per API token: the token's requests per minute, refilled gradually, so a
 * client may burst up to its minute's allowance and then proceeds at the steady rate. Kept in
 * memory: each application instance limits on its own (see README, "Running several instances").
 */
final class RateLimiter {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    ConsumptionProbe tryConsume(ApiTokenService.Caller caller) {
        return buckets.computeIfAbsent(caller.tokenId(), id -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(caller.requestsPerMinute())
                                .refillGreedy(caller.requestsPerMinute(), Duration.ofMinutes(1)))
                        .build())
                .tryConsumeAndReturnRemaining(1);
    }
}
