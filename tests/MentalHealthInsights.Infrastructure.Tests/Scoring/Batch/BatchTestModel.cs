using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Tests.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>A small real XGBoost model behind the real preprocessor, shared by a test class.</summary>
public sealed class BatchTestModel : IDisposable
{
    public static readonly byte[] Key = "a-test-key-of-32-bytes-long-0123"u8.ToArray();

    public static readonly DateTimeOffset ScoredAt = new(2026, 11, 30, 1, 2, 3, 456, TimeSpan.Zero);

    private readonly IBinaryModel model;

    public BatchTestModel()
    {
        var (preprocessor, matrix) = LabelledMatrix.Generate(600, 5);
        model = new XGBoostTrainer().Fit(
            matrix,
            HyperParameters.Empty.With("rounds", 20).With("max_depth", 3),
            1,
            CancellationToken.None
        );
        Predictor = new Predictor(preprocessor, model, 0.5);
        Identity = new BatchModelIdentity("test-model", "7", new string('b', 64), 0.5);
    }

    public Predictor Predictor { get; }

    public BatchModelIdentity Identity { get; }

    public BatchScoringJob Job() => new(Predictor, Identity, TimeProvider.System);

    /// <summary>
    /// Options for a byte-comparison run: pseudonymised with <see cref="Key"/> unless
    /// <paramref name="rawIds"/>, stamped <see cref="ScoredAt"/>, with the given chunking and threads.
    /// </summary>
    public static BatchScoringOptions PinnedOptions(
        string input,
        string output,
        bool rawIds,
        int chunkRows,
        int threads
    ) =>
        new()
        {
            Input = input,
            Output = output,
            PseudonymisationKey = rawIds ? null : Key,
            RawIds = rawIds,
            ScoredAt = ScoredAt,
            ChunkRows = chunkRows,
            Parallelism = threads,
        };

    public static MentalHealthRecord[] Records(int rows, int seed) =>
        [.. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = rows, Seed = seed })];

    public void Dispose() => model.Dispose();
}
