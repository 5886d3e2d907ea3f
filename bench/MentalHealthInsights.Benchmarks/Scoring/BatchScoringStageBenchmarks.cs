using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// The per-row costs of <c>mhi batch</c>'s scoring threads, stage by stage, for the default
/// XGBoost model (200 rounds, depth 4): preprocessing, tree evaluation one row at a time against
/// block evaluation (what batch scoring uses: 16 rows per AVX-512 register where available, else
/// the scalar block walk), the whole Predictor block path, HMAC pseudonyms
/// one-shot against one reused instance, and probability formatting. Times are per row
/// (OperationsPerInvoke = 4,096 different records). Reading and validation are measured by
/// CsvDatasetReaderBenchmarks.
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*BatchScoringStage*'
/// </summary>
[MemoryDiagnoser]
public class BatchScoringStageBenchmarks
{
    private const int Rows = 4096;
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("benchmark-key-0123456789");
    private Predictor predictor = null!;
    private XGBoostTreeEnsemble ensemble = null!;
    private MentalHealthRecord[] records = [];
    private float[] features = [];
    private readonly float[] probabilities = new float[Rows];
    private readonly double[] scores = new double[Rows];
    private readonly byte[] text = new byte[64];
    private SubjectPseudonymiser pseudonymiser = null!;
    private SubjectPseudonymWriter writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        (predictor, _) = ScoringModels.Create("xgb");
        ensemble = ((XGBoostBinaryModel)predictor.Model).Evaluator!;
        records =
        [
            .. SyntheticDataGenerator.Generate(new SyntheticDataOptions { Rows = Rows, Seed = 3 }),
        ];
        var width = predictor.Preprocessor.OutputWidth;
        features = new float[Rows * width];
        for (var i = 0; i < Rows; i++)
        {
            predictor.Preprocessor.Transform(records[i], features.AsSpan(i * width, width));
        }

        pseudonymiser = new SubjectPseudonymiser(Key);
        writer = pseudonymiser.CreateWriter();
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float Preprocess()
    {
        var width = predictor.Preprocessor.OutputWidth;
        for (var i = 0; i < Rows; i++)
        {
            predictor.Preprocessor.Transform(records[i], features.AsSpan(i * width, width));
        }

        return features[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float TreesOneRowAtATime()
    {
        var width = ensemble.FeatureCount;
        var sum = 0f;
        for (var i = 0; i < Rows; i++)
        {
            sum += ensemble.Probability(features.AsSpan(i * width, width));
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public float TreesInBlocks()
    {
        ensemble.Probabilities(features, probabilities);
        return probabilities[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public double PredictorBlockPath()
    {
        predictor.PredictProbabilities(records, scores);
        return scores[^1];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int PseudonymOneShot()
    {
        var length = 0;
        foreach (var record in records)
        {
            length += pseudonymiser.Pseudonymise(record.UserId).Length;
        }

        return length;
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public byte PseudonymReusedHmac()
    {
        foreach (var record in records)
        {
            writer.Write(record.UserId, text);
        }

        return text[0];
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public int FormatProbability()
    {
        var total = 0;
        foreach (var score in scores)
        {
            score.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
            total += written;
        }

        return total;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        writer.Dispose();
        predictor.Model.Dispose();
    }
}
