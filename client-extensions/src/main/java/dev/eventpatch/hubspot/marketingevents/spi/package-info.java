/**
 * Service-provider interfaces: what plugs into the client's request pipeline.
 *
 * <ul>
 *   <li>{@link dev.eventpatch.hubspot.marketingevents.spi.RateLimiter}: decides when a request
 *       may go out. The default is an in-process limiter ({@link
 *       dev.eventpatch.hubspot.marketingevents.spi.RateLimiter#inProcess}); the module {@code
 *       marketing-events-ratelimit-redis} shares one budget between processes.
 *   <li>{@link dev.eventpatch.hubspot.marketingevents.spi.ClientListener}: hears about requests,
 *       retries, waits and rate limits, for metrics and tracing.
 * </ul>
 *
 * <p>Implementations return decisions and observations; the client alone waits, enforces
 * deadlines and builds every exception, so no implementation needs to construct one.
 */
package dev.eventpatch.hubspot.marketingevents.spi;
