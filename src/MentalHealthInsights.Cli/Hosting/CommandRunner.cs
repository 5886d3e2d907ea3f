using System.CommandLine;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// Runs a command's work and turns every failure into one clear line on stderr and a named exit
/// code. The only place that catches broadly: nothing reaches the user as a stack trace unless
/// --verbose is given.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Wraps <paramref name="work"/> as a System.CommandLine action.</summary>
    public static Func<ParseResult, CancellationToken, Task<int>> Wrap(
        Func<ParseResult, CommandIo, CancellationToken, Task<int>> work
    ) =>
        async (parseResult, cancellationToken) =>
        {
            var io = new CommandIo(
                parseResult.InvocationConfiguration.Output,
                parseResult.InvocationConfiguration.Error
            );
            var verbose = parseResult.GetValue(CommonOptions.Verbose);
            try
            {
                return await work(parseResult, io, cancellationToken);
            }
            catch (CommandFailure failure)
            {
                await io.Error.WriteLineAsync($"error: {failure.Message}");
                return failure.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await io.Error.WriteLineAsync("cancelled");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                await io.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.InvalidData;
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
            {
                await io.Error.WriteLineAsync($"error: {ex.Message}");
                return ExitCodes.InvalidData;
            }
#pragma warning disable CA1031 // The host boundary: every unexpected failure becomes exit code 3.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                await io.Error.WriteLineAsync(
                    $"internal error: {ex.GetType().Name}: {ex.Message}"
                        + (verbose ? string.Empty : " (run with --verbose for details)")
                );
                if (verbose)
                {
                    await io.Error.WriteLineAsync(ex.ToString());
                }
                return ExitCodes.InternalError;
            }
        };
}
