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
    public static ServerSettings From(IConfiguration configuration)
    {
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
            log = log with
            {
                PseudonymisationKey = Environment.GetEnvironmentVariable(
                    PredictionLogOptions.KeyVariable
                ),
            };
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
            configuration["Admin:ApiKey"],
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
