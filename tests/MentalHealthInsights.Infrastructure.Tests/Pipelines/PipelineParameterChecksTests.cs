using MentalHealthInsights.Infrastructure.Pipelines;

namespace MentalHealthInsights.Infrastructure.Tests.Pipelines;

/// <summary>
/// Every pipeline checks its parameters when they are resolved, before a run is created
/// (mhi pipeline run, --queue, schedules, the runner): malformed values and conflicts are
/// problems naming the parameter, never a failed step later.
/// </summary>
public sealed class PipelineParameterChecksTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mhi-params-").FullName;

    [Theory]
    [InlineData("training", "rows", "abc", "parameter rows must be an integer of at least 1")]
    [InlineData("training", "rows", "0", "parameter rows must be an integer of at least 1")]
    [InlineData("training", "seed", "1.5", "parameter seed must be an integer")]
    [InlineData("training", "signal", "bogus", "parameter signal must be planted or none")]
    [InlineData("training", "models", "lr,nope", "parameter models takes a comma-separated list")]
    [InlineData("training", "models", "", "parameter models takes a comma-separated list")]
    [InlineData("training", "folds", "1", "parameter folds must be an integer of at least 2")]
    [InlineData(
        "training",
        "bootstrap",
        "99",
        "parameter bootstrap must be an integer of at least 100"
    )]
    [InlineData(
        "training",
        "search-budget",
        "1001",
        "parameter search-budget must be an integer from 1 to 1000"
    )]
    [InlineData(
        "training",
        "search-strategy",
        "greedy",
        "parameter search-strategy must be halving or full"
    )]
    [InlineData("training", "threads", "0", "parameter threads must be an integer of at least 1")]
    [InlineData(
        "training",
        "promotion-margin",
        "2",
        "parameter promotion-margin must be a number in [0, 1]"
    )]
    [InlineData("monitoring", "retrain", "maybe", "parameter retrain must be true or false")]
    [InlineData("monitoring", "last", "9999999d", "parameter last must be at most 36500d")]
    [InlineData("monitoring", "last", "7w", "parameter last must look like 7d, 24h or 90m")]
    [InlineData("monitoring", "from", "yesterday", "parameter from must be an ISO 8601 time")]
    [InlineData("monitoring", "to", "1/2/2026", "parameter to must be an ISO 8601 time")]
    [InlineData("monitoring", "run-store", "mysql://db/runs", "parameter run-store: Unsupported")]
    [InlineData(
        "monitoring",
        "job-store",
        "sqlite:///",
        "parameter job-store: Invalid SQLite location"
    )]
    [InlineData("batch-scoring", "raw-ids", "yes", "parameter raw-ids must be true or false")]
    [InlineData(
        "batch-scoring",
        "threads",
        "-1",
        "parameter threads must be an integer of at least 1"
    )]
    [InlineData("batch-scoring", "input", " ", "parameter input must not be empty")]
    public void ResolveParameters_MalformedValue_OneProblemNamingTheParameter(
        string pipeline,
        string name,
        string value,
        string expected
    )
    {
        var given = new Dictionary<string, string> { [name] = value };
        if (pipeline == "batch-scoring" && name != "input")
        {
            given["input"] = "x.csv";
        }

        var (_, problems) = PipelineCatalog
            .Find(pipeline, TimeProvider.System)!
            .ResolveParameters(given);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training")]
    [InlineData("monitoring")]
    public void ResolveParameters_Defaults_NoProblem(string pipeline)
    {
        var (_, problems) = PipelineCatalog
            .Find(pipeline, TimeProvider.System)!
            .ResolveParameters(new Dictionary<string, string>());

        Assert.Empty(problems);
    }

    [Fact]
    public void ResolveParameters_BatchScoringWithInput_NoProblem()
    {
        var (_, problems) = PipelineCatalog
            .Find("batch-scoring", TimeProvider.System)!
            .ResolveParameters(new Dictionary<string, string> { ["input"] = "x.csv" });

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(
        "current=week.csv",
        "last=7d",
        "use either current (a file) or a prediction-log window"
    )]
    [InlineData(
        "current=week.csv",
        "from=2026-11-01",
        "use either current (a file) or a prediction-log window"
    )]
    [InlineData("last=7d", "to=2026-11-01", "use either last or from/to, not both.")]
    [InlineData(
        "from=2026-11-02",
        "to=2026-11-01",
        "parameter to (2026-11-01T00:00:00.0000000Z) must be after from"
    )]
    public void ResolveParameters_MonitoringConflict_Refused(
        string first,
        string second,
        string expected
    )
    {
        var given = new[] { first, second }.ToDictionary(
            p => p[..p.IndexOf('=', StringComparison.Ordinal)],
            p => p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]
        );

        var (_, problems) = PipelineCatalog
            .Find("monitoring", TimeProvider.System)!
            .ResolveParameters(given);

        var problem = Assert.Single(problems);
        Assert.StartsWith(expected, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveParameters_MalformedAlertsConfig_RefusedOnOneLine()
    {
        var config = Path.Combine(_folder, "BAD.json");
        File.WriteAllText(config, "{");

        var (_, problems) = PipelineCatalog
            .Find("monitoring", TimeProvider.System)!
            .ResolveParameters(new Dictionary<string, string> { ["alerts-config"] = config });

        var problem = Assert.Single(problems);
        Assert.StartsWith("parameter alerts-config: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void ResolveParameters_MissingAlertsConfig_Refused()
    {
        var (_, problems) = PipelineCatalog
            .Find("monitoring", TimeProvider.System)!
            .ResolveParameters(
                new Dictionary<string, string>
                {
                    ["alerts-config"] = Path.Combine(_folder, "nothere.json"),
                }
            );

        Assert.StartsWith(
            "parameter alerts-config: ",
            Assert.Single(problems),
            StringComparison.Ordinal
        );
    }

    public void Dispose() => Directory.Delete(_folder, true);
}
