package dev.eventpatch.hubspot.marketingevents;

/**
 * Supplies the access token, asked before every request so that an OAuth token can be
 * refreshed as it nears expiry. HubSpot says a 401 is not a reliable signal to refresh: refresh
 * by expiry. Called from several threads at once; must be thread-safe.
 */
@FunctionalInterface
public interface AccessTokenProvider {
  /**
   * @return the current access token; a {@code null} or blank answer fails the call before
   *     anything is sent
   */
  String accessToken();
}
