package dev.eventpatch.hubspot.marketingevents.buildtools.drift;

/** Which way a schema travels; a change can break a request field and not a response field. */
enum Role {
    /** What the client sends. */
    REQUEST,
    /** What the client reads. */
    RESPONSE
}
