package dev.eventpatch.hubspot.marketingevents.buildtools.apifixture;

/** Package-private: not part of the API at all. */
class Internal {
    public void notApi() {
    }
}
