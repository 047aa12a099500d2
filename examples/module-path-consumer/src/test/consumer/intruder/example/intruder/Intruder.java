package example.intruder;

import dev.eventpatch.hubspot.marketingevents.internal.HttpTransport;

/** Names a public class of the client's internal package, which the module does not export. */
public final class Intruder {
  private Intruder() {}

  public static String transport() {
    return HttpTransport.class.getName();
  }
}
