using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Monitoring.Simulation;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;

namespace MentalHealthInsights.Infrastructure.Tests.Monitoring.Scenarios;

/// <summary>
/// One real model for the scenario tests, trained once per test class: logistic regression
/// (the project's ML.NET trainer behind the real preprocessor) on the simulator's undrifted
/// reference sample (5,000 rows, seed 42) — the same sample every scenario is monitored against.
/// </summary>
public sealed class ScenarioModelFixture
{
    /// <summary>The simulator's seed and reference size (the CLI's defaults).</summary>
    public const int Seed = 42;

    /// <summary>Rows of the reference (training) sample.</summary>
    public const int ReferenceRows = 5000;

    public ScenarioModelFixture()
    {
        Reference =
        [
            .. new MonitoringSimulator(
                new SimulationOptions { Seed = Seed, ReferenceRows = ReferenceRows }
            ).Reference(),
        ];
        var preprocessor = Preprocessor.Fit(Reference, FeatureSpec.Default);
        var matrix = new FeatureMatrix(
            preprocessor.TransformBatch(Reference),
            [.. Reference.Select(r => r.HasCondition)],
            preprocessor.OutputNames
        );
        var model = new LogisticRegressionTrainer().Fit(
            matrix,
            LogisticRegressionTrainer.Defaults,
            1,
            CancellationToken.None
        );
        Predictor = new Predictor(preprocessor, model, 0.5);
        ScoredReference = Score(Reference);
    }

    /// <summary>The reference (training) records.</summary>
    public IReadOnlyList<MentalHealthRecord> Reference { get; }

    /// <summary>The trained model.</summary>
    public Predictor Predictor { get; }

    /// <summary>The reference as a monitoring dataset with the model's predictions and outcomes.</summary>
    public MonitoringDataset ScoredReference { get; }

    /// <summary>Scores <paramref name="records"/> with the model (outcomes from the records).</summary>
    public MonitoringDataset Score(IReadOnlyList<MentalHealthRecord> records)
    {
        var probabilities = new double[records.Count];
        var labels = new bool[records.Count];
        for (int i = 0; i < records.Count; i++)
        {
            probabilities[i] = Predictor.PredictProbability(records[i]);
            labels[i] = probabilities[i] >= Predictor.Threshold;
        }
        return MonitoringDataset.FromRecords(records, probabilities, labels, Predictor.Threshold);
    }
}
