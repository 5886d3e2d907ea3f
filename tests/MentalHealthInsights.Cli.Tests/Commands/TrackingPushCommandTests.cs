using System.Text.Json;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class TrackingPushCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string SourceUri => "sqlite:///" + _temp.File("source.db");

    private string TargetUri => "sqlite:///" + _temp.File("target.db");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Push_TwoLocalStores_CopiesThenSecondPushSkipsEverything()
    {
        await SeedAsync();

        var first = await RunAsync(
            "tracking",
            "push",
            "--from",
            SourceUri,
            "--to",
            TargetUri,
            "--json"
        );
        var second = await RunAsync(
            "tracking",
            "push",
            "--from",
            SourceUri,
            "--to",
            TargetUri,
            "--json"
        );

        Assert.Equal(0, first.ExitCode);
        using (var json = JsonDocument.Parse(first.Output))
        {
            var root = json.RootElement;
            Assert.Equal(2, root.GetProperty("runsCopied").GetInt32());
            Assert.Equal(0, root.GetProperty("runsSkipped").GetInt32());
            Assert.Equal(4, root.GetProperty("metricPoints").GetInt64());
            Assert.Equal(1, root.GetProperty("artifactFiles").GetInt64());
            Assert.Equal(5, root.GetProperty("artifactBytes").GetInt64());
            Assert.Equal(1, root.GetProperty("versionsCopied").GetInt32());
            Assert.Equal(0, root.GetProperty("failures").GetArrayLength());
        }
        Assert.Equal(0, second.ExitCode);
        using (var json = JsonDocument.Parse(second.Output))
        {
            var root = json.RootElement;
            Assert.Equal(0, root.GetProperty("runsCopied").GetInt32());
            Assert.Equal(2, root.GetProperty("runsSkipped").GetInt32());
            Assert.Equal(0, root.GetProperty("versionsCopied").GetInt32());
            Assert.Equal(1, root.GetProperty("versionsSkipped").GetInt32());
        }
        var target = Open(TargetUri);
        var experiment = await target.Tracking.GetExperimentByNameAsync("mental-health-insights");
        Assert.NotNull(experiment);
        var runs = await target.Tracking.SearchRunsAsync(
            new RunSearchQuery { ExperimentIds = [experiment.ExperimentId] }
        );
        Assert.Equal(2, runs.Items.Count);
    }

    [Fact]
    public async Task Push_Text_PrintsCountsAndDryRunWritesNothing()
    {
        await SeedAsync();

        var result = await RunAsync(
            "tracking",
            "push",
            "--from",
            SourceUri,
            "--to",
            TargetUri,
            "--dry-run"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dry run (nothing written)", result.Output, StringComparison.Ordinal);
        Assert.Contains(
            "runs: 2 copied, 0 already present, 0 failed",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("artifacts: 1 files, 5 bytes", result.Output, StringComparison.Ordinal);
        Assert.Null(
            await Open(TargetUri).Tracking.GetExperimentByNameAsync("mental-health-insights")
        );
    }

    /// <summary>
    /// A tester's probe: a dry run to a new store created it (and its folder), a mistyped --from
    /// was created empty and "pushed" nothing with exit 0, and --to '' meant ./mlruns.db.
    /// </summary>
    [Fact]
    public async Task Push_DryRunToANewStore_CountsAndCreatesNothing()
    {
        await SeedAsync();
        var fresh = _temp.File("fresh/dry.db");

        var result = await RunAsync(
            "tracking",
            "push",
            "--from",
            SourceUri,
            "--to",
            fresh,
            "--dry-run",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(2, json.RootElement.GetProperty("runsCopied").GetInt32());
        Assert.Contains(
            "fresh",
            json.RootElement.GetProperty("to").GetString(),
            StringComparison.Ordinal
        );
        Assert.False(Directory.Exists(_temp.File("fresh")));
    }

    [Theory]
    [InlineData("--from", "missing.db", ExitCodes.InvalidData, "no tracking store at")]
    [InlineData("--to", "", ExitCodes.Usage, "--to is empty")]
    [InlineData("--from", " ", ExitCodes.Usage, "--from is empty")]
    public async Task Push_MissingSourceOrEmptyLocation_RefusedAndNothingCreated(
        string option,
        string value,
        int exitCode,
        string message
    )
    {
        await SeedAsync();
        var path = value.EndsWith(".db", StringComparison.Ordinal) ? _temp.File(value) : value;
        string[] args =
            option == "--from"
                ? ["tracking", "push", "--from", path, "--to", TargetUri]
                : ["tracking", "push", "--from", SourceUri, "--to", path];

        var result = await RunAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("missing.db")));
        Assert.False(File.Exists(_temp.File("target.db")));
    }

    [Fact]
    public async Task Push_TargetIsTheSource_UsageError()
    {
        await SeedAsync();

        var result = await RunAsync("tracking", "push", "--from", SourceUri, "--to", SourceUri);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("names the source store itself", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_UnknownExperiment_ExitTwoWithTheName()
    {
        await SeedAsync();

        var result = await RunAsync(
            "tracking",
            "push",
            "--from",
            SourceUri,
            "--to",
            TargetUri,
            "--experiment",
            "nope"
        );

        Assert.Equal(ExitCodes.InvalidData, result.ExitCode);
        Assert.Contains("'nope'", result.Error, StringComparison.Ordinal);
    }

    // The real `mhi` command tree, as a user runs it.
    private static Task<CliResult> RunAsync(params string[] args) => CliHarness.RunAsync(args);

    private static TrackingBackend Open(string uri) =>
        TrackingBackendFactory.Create(
            new TrackingBackendOptions { TrackingUri = uri, UserName = "bob" },
            TimeProvider.System
        );

    /// <summary>A parent and a child run (two metric points each, one artifact) and one registered version.</summary>
    private async Task SeedAsync()
    {
        var source = Open(SourceUri);
        var tracking = new TrackingService(
            source.Tracking,
            TimeProvider.System,
            artifacts: source.Artifacts
        );
        var experimentId = await tracking.GetOrCreateExperimentAsync("mental-health-insights");
        var parent = await tracking.StartRunAsync(experimentId, "train");
        var child = await tracking.StartRunAsync(
            experimentId,
            "lr",
            parentRunId: parent.Info.RunId
        );
        foreach (var run in new[] { parent, child })
        {
            await tracking.LogMetricAsync(run.Info.RunId, "auc", 0.7, step: 0);
            await tracking.LogMetricAsync(run.Info.RunId, "auc", 0.8, step: 1);
        }
        var folder = _temp.File("bundle");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "model.bin"), "hello");
        await tracking.LogArtifactsAsync(child.Info.RunId, folder, "model");
        await tracking.EndRunAsync(child.Info.RunId);
        await tracking.EndRunAsync(parent.Info.RunId);
        await source.Registry.CreateRegisteredModelAsync("mental-health-classifier");
        await source.Registry.CreateModelVersionAsync(
            new NewModelVersion
            {
                Name = "mental-health-classifier",
                Source = child.Info.ArtifactUri + "/model",
                RunId = child.Info.RunId,
            }
        );
    }
}
