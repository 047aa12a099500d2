// A module that uses OkHttp, the client's transport, without requiring it itself.
module example.leaky {
  requires dev.eventpatch.hubspot.marketingevents;
}
