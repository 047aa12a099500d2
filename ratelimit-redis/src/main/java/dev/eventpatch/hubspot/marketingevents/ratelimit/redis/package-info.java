/**
 * A fleet-wide rate limiter: {@link
 * dev.eventpatch.hubspot.marketingevents.ratelimit.redis.RedisRateLimiter} shares one HubSpot
 * budget between every process of an app through Bucket4j's buckets in Redis, and falls back to
 * this process's share while Redis is unavailable.
 */
package dev.eventpatch.hubspot.marketingevents.ratelimit.redis;
