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
        var serving =
            configuration.GetSection(ServingOptions.Section).Get<ServingOptions>() ?? new();
        var log =
            configuration.GetSection(PredictionLogOptions.Section).Get<PredictionLogOptions>()
            ?? new();
        if (log.PseudonymisationKey is null)
        {
            log = log with
            {
                PseudonymisationKey = Environment.GetEnvironmentVariable(
                    PredictionLogOptions.KeyVariable
                ),
            };
        }
        var rateLimiting =
            configuration.GetSection(RateLimitingOptions.Section).Get<RateLimitingOptions>()
            ?? new();
        var problems = new List<string>();
        foreach (
            var problem in (string?[])
                [serving.FindProblem(), log.FindProblem(), rateLimiting.FindProblem()]
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
        if (log.Enabled && !string.IsNullOrWhiteSpace(log.ConnectionString))
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
            configuration.GetValue<bool>("Hosting:StopWhenStdinCloses"),
            location,
            problems
        );
    }
}
