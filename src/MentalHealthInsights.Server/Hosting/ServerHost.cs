using Microsoft.AspNetCore.Connections;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>Runs the server and turns a refused start into one clear log line and exit code 2.</summary>
internal static partial class ServerHost
{
    /// <summary>Exit code of a configuration the server refuses (as the CLI's invalid-data code).</summary>
    public const int RefusedExitCode = 2;

    // The category of WebApplication.Logger (the application's name), used before the app exists.
    private const string LogCategory = "MentalHealthInsights.Server";

    /// <summary>
    /// The builder with the server's configuration and services, or null when a configuration
    /// source cannot be read — a missing <c>--config</c> file, or it or the working directory's
    /// appsettings.json not being JSON, a malformed flag. Those are read while the builder is
    /// made, before any logger exists, and used to end the process with a stack trace; now they
    /// are refused like every other configuration problem: one log line naming the file and
    /// what is wrong with it (the parser's position, no values), and exit code 2.
    /// </summary>
    public static WebApplicationBuilder? CreateBuilder(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateSlimBuilder(args);
            builder.AddMentalHealthServer(args);
            return builder;
        }
        catch (Exception ex)
            when (ex
                    is IOException
                        or InvalidDataException
                        or FormatException
                        or UnauthorizedAccessException
            )
        {
            using var loggers = LoggerFactory.Create(ServerServices.ConfigureLogging);
            var logger = loggers.CreateLogger(LogCategory);
            var reason = Describe(ex);
            LogRefused(logger, reason);
            return null;
        }
    }

    /// <summary>The exception's message, then its innermost cause's (the JSON parser's, with the line) when they differ.</summary>
    internal static string Describe(Exception ex)
    {
        var cause = ex;
        while (cause.InnerException is { } inner)
        {
            cause = inner;
        }
        return ReferenceEquals(cause, ex)
            ? ex.Message
            : $"{ex.Message.TrimEnd('.')}: {cause.Message}";
    }

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
