using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training.Protocol;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Training.Jobs;

namespace MentalHealthInsights.Server.Tests.Fixtures;

/// <summary>
/// Real models to serve: one small training job (logistic regression and XGBoost on synthetic
/// data with a planted signal) into a SQLite tracking store, so the registry has a champion;
/// the bundle folders of both models are kept for path-based serving and reload tests.
/// Shared per test class (training takes seconds).
/// </summary>
public sealed class TrainedModelFixture : IDisposable
{
    public TrainedModelFixture()
    {
        Folder = Path.Combine(
            Path.GetTempPath(),
            "mhi-server-tests-" + Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(Folder);
        var input = Path.Combine(Folder, "train.csv");
        CsvDatasetWriter.WriteFile(
            SyntheticDataGenerator.Generate(
                new SyntheticDataOptions
                {
                    Rows = 800,
                    Seed = 5,
                    Signal = SignalKind.Planted,
                }
            ),
            input
        );
        TrackingUri = "sqlite:///" + Path.Combine(Folder, "mlruns.db");
        var result = new TrainingJob(TimeProvider.System).Run(
            new TrainingJobOptions
            {
                InputPath = input,
                OutputDirectory = Path.Combine(Folder, "train"),
                Models = ["lr", "xgb"],
                TrackingUri = TrackingUri,
                ForcePromotion = true,
                Protocol = new TrainingOptions
                {
                    Folds = 3,
                    SearchBudget = 1,
                    BootstrapResamples = 100,
                    PermutationRepeats = 1,
                },
            }
        );
        LrBundle = result.Bundles["lr"];
        XgbBundle = result.Bundles["xgb"];
        ChampionTrainer = result.Report.BestModel!;
    }

    /// <summary>The fixture's temp folder (deleted on dispose).</summary>
    public string Folder { get; }

    /// <summary>sqlite:///…/mlruns.db with mental-health-classifier@champion set.</summary>
    public string TrackingUri { get; }

    public string LrBundle { get; }

    public string XgbBundle { get; }

    /// <summary>The trainer name of the registered champion ("lr" or "xgb").</summary>
    public string ChampionTrainer { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A server still shutting down may hold a file; the temp folder is cleaned later.
        }
    }
}
