using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Server.PredictionLogging;
using MentalHealthInsights.Server.Serving;

namespace MentalHealthInsights.Server.Hosting;

/// <summary>Every option of the server, bound once from configuration, with the problems that stop it from starting.</summary>
internal sealed record ServerSettings(
    ServingOptions Serving,
    PredictionLogOptions PredictionLog,
    RateLimitingOptions RateLimiting,
    string? AdminApiKey,
    bool StopWhenStdinCloses,
    string PredictionLogLocation,
    IReadOnlyList<string> Problems
)
{
    /// <summary>The variable read when <c>Admin:ApiKey</c> is not configured (the one <c>mhi simulate --replay</c> sends).</summary>
    public const string AdminKeyVariable = "MHI_ADMIN_API_KEY";

    /// <summary>The settings, with the keys' environment variables as their defaults.</summary>
    /// <param name="configuration">The server's configuration.</param>
    /// <param name="variable">Reads an environment variable (tests pass their own).</param>
    public static ServerSettings From(
        IConfiguration configuration,
        Func<string, string?>? variable = null
    )
    {
        variable ??= Environment.GetEnvironmentVariable;
        var problems = new List<string>();
        // A section that does not bind is reported once; its stand-in defaults are not checked
        // (they would add problems about values the user never gave).
        var servingBound = SettingsBinding.Section<ServingOptions>(
            configuration,
            ServingOptions.Section,
            problems
        );
        var logBound = SettingsBinding.Section<PredictionLogOptions>(
            configuration,
            PredictionLogOptions.Section,
            problems
        );
        var rateLimitingBound = SettingsBinding.Section<RateLimitingOptions>(
            configuration,
            RateLimitingOptions.Section,
            problems
        );
        var serving = servingBound ?? new();
        var log = logBound ?? new();
        var rateLimiting = rateLimitingBound ?? new();
        if (log.PseudonymisationKey is null)
        {
            log = log with { PseudonymisationKey = variable(PredictionLogOptions.KeyVariable) };
        }
        foreach (
            var problem in (string?[])
                [
                    servingBound?.FindProblem(),
                    logBound is null ? null : log.FindProblem(),
                    rateLimitingBound?.FindProblem(),
                ]
        )
        {
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
        // SQLite path or PostgreSQL connection string; a malformed one stops the server at
        // start-up (with the other problems), not on the first write.
        var location = PredictionLogStoreFactory.DefaultPath;
        if (logBound is not null && log.Enabled && !string.IsNullOrWhiteSpace(log.ConnectionString))
        {
            try
            {
                _ = PredictionLogStoreFactory.Describe(log.ConnectionString);
                location = log.ConnectionString;
            }
            catch (ArgumentException ex)
            {
                problems.Add("PredictionLog:ConnectionString: " + ex.Message);
            }
        }
        return new ServerSettings(
            serving,
            log,
            rateLimiting,
            configuration["Admin:ApiKey"] ?? variable(AdminKeyVariable),
            SettingsBinding.Value(
                () => configuration.GetValue<bool>("Hosting:StopWhenStdinCloses"),
                problems,
                false
            ),
            location,
            problems
        );
    }
}
