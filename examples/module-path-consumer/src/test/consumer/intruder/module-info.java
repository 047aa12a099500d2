// A module that tries to use the client's pipeline directly.
module example.intruder {
  requires dev.eventpatch.hubspot.marketingevents;
}
