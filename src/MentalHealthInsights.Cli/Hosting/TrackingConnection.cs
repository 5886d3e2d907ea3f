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

    /// <summary>
    /// Opens the backend for a command that only reads the model registry (or changes what is
    /// already in it): a local registry whose database file does not exist is exit 2, "no
    /// tracking store at PATH", and is not created, as <c>mhi alerts list</c> treats a missing
    /// monitoring store. An MLflow server is asked as usual.
    /// </summary>
    public static TrackingBackend OpenExistingRegistry(
        ParseResult parseResult,
        Option<string?> uri,
        TimeProvider time
    )
    {
        var backend = Open(parseResult, uri, time);
        RequireExisting(backend.RegistryDatabasePath);
        return backend;
    }

    /// <summary>As <see cref="OpenExistingRegistry"/>, for commands that only read runs.</summary>
    public static TrackingBackend OpenExistingTracking(
        ParseResult parseResult,
        Option<string?> uri,
        TimeProvider time
    )
    {
        var backend = Open(parseResult, uri, time);
        RequireExisting(backend.TrackingDatabasePath);
        return backend;
    }

    /// <summary>Exit 2, "no tracking store at PATH", when <paramref name="database"/> (a local store's file) does not exist.</summary>
    public static void RequireExisting(string? database) =>
        ExistingSqliteStore.Require(
            database,
            $"no tracking store at {database}: nothing was trained or registered there (give --tracking-uri or set {TrackingBackendFactory.TrackingUriVariable})."
        );

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
