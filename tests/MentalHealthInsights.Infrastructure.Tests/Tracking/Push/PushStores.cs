using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Core.Tracking.Push;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Push;

/// <summary>
/// Two local stores in temp folders; the source holds a small training: a parent run with two
/// children (metric histories, params, tags, nested binary artifacts) and a registered model with
/// two versions and two aliases.
/// </summary>
internal sealed class PushStores : IDisposable
{
    public const string ModelName = "mental-health-classifier";

    private readonly TempDirectory _directory = new();

    public PushStores()
    {
        Clock = new ManualTimeProvider();
        Source = Open("source");
        Target = Open("target");
    }

    public ManualTimeProvider Clock { get; }

    public TrackingBackend Source { get; }

    public TrackingBackend Target { get; }

    public string TempRoot => _directory.Combine("tmp");

    public string ParentId { get; private set; } = "";

    public string LrId { get; private set; } = "";

    public string XgbId { get; private set; } = "";

    public string OtherId { get; private set; } = "";

    public static byte[] ModelBytes { get; } =
    [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 7 % 256))];

    public static PushEndpoint Endpoint(TrackingBackend backend) =>
        new(backend.Tracking, backend.Artifacts, backend.Registry, backend.TrackingUri);

    public TrackingPush Push(TrackingPushOptions? options = null) =>
        new(
            Endpoint(Source),
            Endpoint(Target),
            Clock,
            (options ?? new TrackingPushOptions()) with
            {
                TempRoot = TempRoot,
            }
        );

    /// <summary>Fills the source: experiment "training" (parent + lr + xgb) and "other" (one run).</summary>
    public async Task SeedAsync()
    {
        Directory.CreateDirectory(TempRoot);
        var tracking = new TrackingService(
            Source.Tracking,
            Clock,
            new TrackingServiceOptions { UserName = "alice" },
            Source.Artifacts
        );
        var experimentId = await tracking.GetOrCreateExperimentAsync("training");
        var parent = await tracking.StartRunAsync(experimentId, "train");
        ParentId = parent.Info.RunId;
        await tracking.LogParamsAsync(
            ParentId,
            new Dictionary<string, string> { ["seed"] = "42", ["rows"] = "900" }
        );
        await tracking.SetTagAsync(ParentId, "mhi.best_model", "xgb");
        await LogFilesAsync(
            tracking,
            ParentId,
            ("report/report.json", "{\"auc\":0.8}"u8.ToArray()),
            ("report/plots/roc.png", ModelBytes[..500])
        );

        foreach (var name in new[] { "lr", "xgb" })
        {
            var child = await tracking.StartRunAsync(experimentId, name, parentRunId: ParentId);
            var id = child.Info.RunId;
            for (var fold = 0; fold < 3; fold++)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await tracking.LogMetricAsync(
                    id,
                    "cv_fold_roc_auc",
                    0.7 + (fold * 0.01),
                    step: fold
                );
            }
            // Two points at the same step with different timestamps: the history keeps both.
            Clock.Advance(TimeSpan.FromSeconds(1));
            await tracking.LogMetricAsync(id, "test_roc_auc", 0.81, step: 0);
            Clock.Advance(TimeSpan.FromSeconds(1));
            await tracking.LogMetricAsync(id, "test_roc_auc", double.NaN, step: 0);
            await tracking.LogParamsAsync(
                id,
                Enumerable
                    .Range(0, 120)
                    .ToDictionary(
                        i => $"hp.p{i:000}",
                        i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    )
            );
            await tracking.SetTagAsync(id, "mhi.model_type", name);
            await LogFilesAsync(
                tracking,
                id,
                ("model/bundle.bin", ModelBytes),
                ("model/MLmodel", "flavor: mhi"u8.ToArray())
            );
            Clock.Advance(TimeSpan.FromSeconds(5));
            await tracking.EndRunAsync(id);
            if (name == "lr")
            {
                LrId = id;
            }
            else
            {
                XgbId = id;
            }
        }
        Clock.Advance(TimeSpan.FromSeconds(1));
        await tracking.EndRunAsync(ParentId, RunStatus.Failed);

        var otherExperiment = await tracking.GetOrCreateExperimentAsync("other");
        var other = await tracking.StartRunAsync(otherExperiment, "lonely");
        OtherId = other.Info.RunId;
        await tracking.LogMetricAsync(OtherId, "x", 1.0);

        var registry = Source.Registry;
        await registry.CreateRegisteredModelAsync(
            ModelName,
            "screening model",
            new Dictionary<string, string> { ["team"] = "ml" }
        );
        foreach (var (runId, description) in new[] { (LrId, "first"), (XgbId, "second") })
        {
            var run = await Source.Tracking.GetRunAsync(runId);
            await registry.CreateModelVersionAsync(
                new NewModelVersion
                {
                    Name = ModelName,
                    Source = run.Info.ArtifactUri + "/model",
                    RunId = runId,
                    Description = description,
                    Tags = new Dictionary<string, string>
                    {
                        ["mhi.promotion"] = description + " reason",
                    },
                }
            );
        }
        await registry.SetRegisteredModelAliasAsync(ModelName, "champion", 1);
        await registry.SetRegisteredModelAliasAsync(ModelName, "challenger", 2);
    }

    public async Task<List<Run>> TargetRunsAsync(string experimentName)
    {
        var experiment = await Target.Tracking.GetExperimentByNameAsync(experimentName);
        if (experiment is null)
        {
            return [];
        }
        var page = await Target.Tracking.SearchRunsAsync(
            new RunSearchQuery
            {
                ExperimentIds = [experiment.ExperimentId],
                ViewType = ViewType.All,
            }
        );
        return [.. page.Items];
    }

    public static async Task<Run> ByTagAsync(IEnumerable<Run> runs, string sourceRunId) =>
        await Task.FromResult(
            runs.Single(r => r.Data.Tags[PushTagKeys.SourceRunId] == sourceRunId)
        );

    public void Dispose() => _directory.Dispose();

    private TrackingBackend Open(string folder)
    {
        Directory.CreateDirectory(_directory.Combine(folder));
        return TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                TrackingUri = "sqlite:///mlruns.db",
                WorkingDirectory = _directory.Combine(folder),
                UserName = "alice",
            },
            Clock
        );
    }

    private async Task LogFilesAsync(
        TrackingService tracking,
        string runId,
        params (string Path, byte[] Bytes)[] files
    )
    {
        var folder = _directory.Combine("stage-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, bytes);
        }
        await tracking.LogArtifactsAsync(runId, folder);
    }
}
