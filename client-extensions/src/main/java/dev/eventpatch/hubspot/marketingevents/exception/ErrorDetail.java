package dev.eventpatch.hubspot.marketingevents.exception;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** One problem behind a HubSpot error, from the {@code errors} list of its body. */
public final class ErrorDetail {
  private final String message;
  private final String code;
  private final String in;
  private final String subCategory;
  private final Map<String, List<String>> context;

  ErrorDetail(
      String message,
      String code,
      String in,
      String subCategory,
      Map<String, List<String>> context) {
    this.message = Objects.requireNonNull(message, "message == null");
    this.code = code;
    this.in = in;
    this.subCategory = subCategory;
    this.context = context == null ? Map.of() : HubSpotApiException.copyContext(context);
  }

  /** @return the readable explanation of this problem */
  public String message() {
    return message;
  }

  /** @return HubSpot's machine-readable code, when given */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  /** @return the name of the field the problem is in, when given */
  public Optional<String> in() {
    return Optional.ofNullable(in);
  }

  /** @return the finer kind of this problem, when given */
  public Optional<String> subCategory() {
    return Optional.ofNullable(subCategory);
  }

  /** @return values that explain this problem, by name; empty when none were given */
  public Map<String, List<String>> context() {
    return context;
  }

  @Override
  public String toString() {
    return "ErrorDetail{message=" + message + (code == null ? "" : ", code=" + code)
        + (in == null ? "" : ", in=" + in) + "}";
  }
}
