package dev.eventpatch.hubspot.marketingevents.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line tool: {@code marketing-events update …}. Run with no HubSpot account needed:
 * without a token or base URL it starts a Prism mock of the spec and runs against it.
 */
@Command(
    name = "marketing-events",
    mixinStandardHelpOptions = true,
    versionProvider = MarketingEventsCli.Version.class,
    description = "Updates HubSpot marketing events created by an external event application.",
    subcommands = {UpdateCommand.class, CommandLine.HelpCommand.class})
public final class MarketingEventsCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /**
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(Environment.SYSTEM, EmbeddedMock.PRISM, new PrintWriter(System.out, true),
        new PrintWriter(System.err, true), args));
  }

  static int run(Environment env, EmbeddedMock.Starter mock, PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine =
        new CommandLine(
            new MarketingEventsCli(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                if (type == UpdateCommand.class) {
                  return type.cast(new UpdateCommand(env, mock));
                }
                return CommandLine.defaultFactory().create(type);
              }
            });
    commandLine.setOut(out).setErr(err);
    // Usage errors print one line with the reason, then a pointer to --help.
    commandLine.setParameterExceptionHandler(
        (ex, cmdArgs) -> {
          ex.getCommandLine().getErr().println("error: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
          return UpdateCommand.BAD_INPUT;
        });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = MarketingEventsCli.class.getPackage().getImplementationVersion();
      return new String[] {"marketing-events " + (version == null ? "(development build)" : version)};
    }
  }
}
