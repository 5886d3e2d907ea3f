using Microsoft.AspNetCore.Connections;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>Runs the server and turns a refused start into one clear log line and exit code 2.</summary>
internal static partial class ServerHost
{
    /// <summary>Exit code of a configuration the server refuses (as the CLI's invalid-data code).</summary>
    public const int RefusedExitCode = 2;

    public static async Task<int> RunAsync(WebApplication app)
    {
        // Checked here as well as in StartupCheck (which guards hosts that never call this, e.g.
        // the test host): refusing before the host starts keeps the framework from adding its own
        // "Hosting failed to start" error with a stack trace beside our one line.
        List<string> problems =
        [
            .. StartupCheck.FindProblems(app.Services),
            .. ListenCheck.FindProblems(app.Configuration),
        ];
        if (problems.Count > 0)
        {
            var reason = string.Join(" ", problems);
            LogRefused(app.Logger, reason);
            // The console logger writes from a background queue: disposing the host flushes it,
            // so the line is not lost when the process exits right after.
            await app.DisposeAsync();
            return RefusedExitCode;
        }

        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException ex)
        {
            LogRefused(app.Logger, ex.Message);
            return RefusedExitCode;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // Taken between ListenCheck and Kestrel's bind (the framework has logged it too).
            LogRefused(app.Logger, ex.Message);
            return RefusedExitCode;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The server refuses to start: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
