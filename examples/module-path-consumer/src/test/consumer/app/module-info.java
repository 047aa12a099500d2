// A user's module: it reads the client and nothing else of the client's dependencies.
module example.consumer {
  requires dev.eventpatch.hubspot.marketingevents;
}
