using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Server.Apis;
using MentalHealthInsights.TestSupport;

namespace MentalHealthInsights.Server.Tests.Apis;

/// <summary>
/// The model page's readers against a real SQLite tracking store and local artifact store: a
/// training run (parent) with hand-made report artifacts and a model run under it.
/// </summary>
public sealed class TrainingRunArtifactsTests : IDisposable
{
    private readonly string _folder = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-run-artifacts-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    public void Dispose()
    {
        SqliteFiles.Release(_folder);
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A training run holding <paramref name="files"/> (artifact path → text) and its model run of type <paramref name="modelType"/>.</summary>
    private async Task<(TrackingBackend Backend, Run ModelRun)> TrainingRunAsync(
        string modelType,
        params (string Path, string Text)[] files
    )
    {
        var backend = TrackingBackendFactory.Create(
            new TrackingBackendOptions
            {
                TrackingUri = "sqlite:///" + Path.Combine(_folder, "mlruns.db"),
                WorkingDirectory = _folder,
            },
            TimeProvider.System
        );
        var experiment = await backend.Tracking.CreateExperimentAsync("training");
        var parent = await backend.Tracking.CreateRunAsync(
            new NewRun { ExperimentId = experiment }
        );
        foreach (var (path, text) in files)
        {
            var local = Path.Combine(_folder, "upload", Path.GetFileName(path));
            Directory.CreateDirectory(Path.GetDirectoryName(local)!);
            await File.WriteAllTextAsync(local, text);
            await backend.Artifacts.LogArtifactAsync(
                parent.Info.ArtifactUri,
                local,
                Path.GetDirectoryName(path)!.Replace('\\', '/')
            );
            File.Delete(local);
        }
        var model = await backend.Tracking.CreateRunAsync(
            new NewRun
            {
                ExperimentId = experiment,
                Tags =
                [
                    new RunTag(MlflowTagKeys.ParentRunId, parent.Info.RunId),
                    new RunTag("mhi.model_type", modelType),
                ],
            }
        );
        return (backend, model);
    }

    [Fact]
    public async Task KeyIndicators_TrainingJsonNotJson_EmptyInsteadOfAnError()
    {
        var (backend, run) = await TrainingRunAsync(
            "xgb",
            ("report/training.json", "{\"report\": {\"models\": [ this is not JSON")
        );

        var indicators = await KeyIndicatorReader.ReadAsync(
            backend,
            run,
            "xgb",
            CancellationToken.None
        );

        Assert.Empty(indicators);
    }

    [Fact]
    public async Task TrainingPlots_OnlyTheTrainingsCurvesAndTheModelsOwnCharts()
    {
        var (backend, run) = await TrainingRunAsync(
            "xgb",
            ("report/plots/roc-curves.svg", "<svg>roc</svg>"),
            ("report/plots/roc-curves.png", "png"),
            ("report/plots/calibration.svg", "<svg>calibration</svg>"),
            ("report/plots/importance-xgb.svg", "<svg>xgb</svg>"),
            ("report/plots/importance-lr.svg", "<svg>lr</svg>"),
            ("report/plots/notes.svg", "<svg>other</svg>"),
            ("report/training.svg", "<svg>outside plots</svg>")
        );

        var plots = await TrainingPlotReader.ListAsync(
            backend,
            run,
            "xgb",
            7,
            CancellationToken.None
        );
        var roc = await TrainingPlotReader.ReadSvgAsync(
            backend,
            run,
            "xgb",
            "roc-curves",
            CancellationToken.None
        );
        var otherModel = await TrainingPlotReader.ReadSvgAsync(
            backend,
            run,
            "xgb",
            "importance-lr",
            CancellationToken.None
        );
        var missing = await TrainingPlotReader.ReadSvgAsync(
            backend,
            run,
            "xgb",
            "shap-xgb",
            CancellationToken.None
        );

        Assert.Equal(["roc-curves", "calibration", "importance-xgb"], plots.Select(p => p.Name));
        Assert.Equal("/v1/registry/versions/7/plots/calibration.svg", plots[1].Url);
        Assert.Equal("<svg>roc</svg>", System.Text.Encoding.UTF8.GetString(roc!));
        Assert.Null(otherModel);
        Assert.Null(missing);
    }
}
