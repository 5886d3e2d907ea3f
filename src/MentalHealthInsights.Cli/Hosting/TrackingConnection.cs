using System.CommandLine;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>
/// The tracking store a command talks to: <c>--tracking-uri</c>, else MLFLOW_TRACKING_URI,
/// else ./mlruns.db (as MLflow users expect), and the one mapping of tracking errors to exit codes.
/// </summary>
internal static class TrackingConnection
{
    /// <summary>Creates the --tracking-uri option.</summary>
    public static Option<string?> UriOption() =>
        new("--tracking-uri")
        {
            Description =
                "Tracking store: sqlite:///PATH, a path, or http(s)://MLFLOW-SERVER (default: MLFLOW_TRACKING_URI, else ./mlruns.db)",
        };

    /// <summary>Opens the backend named on the command line or by the environment.</summary>
    public static TrackingBackend Open(
        ParseResult parseResult,
        Option<string?> uri,
        TimeProvider time
    )
    {
        try
        {
            return TrackingBackendFactory.Create(
                TrackingBackendFactory.EnvironmentOptions(
                    parseResult.GetValue(uri),
                    Environment.UserName
                ),
                time
            );
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException)
        {
            throw CommandFailure.Usage(ex);
        }
    }

    /// <summary>Runs a tracking call, turning store errors into one clear line and exit code 2.</summary>
    public static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (TrackingException ex)
        {
            throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
        }
    }
}
