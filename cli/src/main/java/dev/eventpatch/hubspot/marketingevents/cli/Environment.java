package dev.eventpatch.hubspot.marketingevents.cli;

/** Reads environment variables; injectable so that tests never depend on the real environment. */
@FunctionalInterface
interface Environment {
  Environment SYSTEM = System::getenv;

  String get(String name);

  default String nonBlank(String name) {
    String value = get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }
}
