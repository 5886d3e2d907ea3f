using BenchmarkDotNet.Attributes;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Benchmarks.Scoring;

/// <summary>
/// The server's prediction-log writer cost: one <see cref="SqlitePredictionLogStore.AppendAsync"/>
/// call (one transaction) of <see cref="BatchSize"/> entries shaped as the API makes them, into a
/// log file that grows over the run as the server's does. 250 is what the writer's 10 ms flush
/// cadence gathers at 25,000 predictions a second (docs/serving.md); times are per entry.
/// Run: dotnet run -c Release --project bench/MentalHealthInsights.Benchmarks -- --filter '*PredictionLogAppend*'
/// </summary>
[MemoryDiagnoser]
public class PredictionLogAppendBenchmarks
{
    private static readonly string[] Genders = ["Female", "Male", "Non-binary", "Other"];
    private static readonly string[] Occupations = ["IT", "Healthcare", "Education", "Sales"];
    private static readonly string[] Countries = ["Germany", "India", "USA", "Canada"];
    private static readonly string[] StressLevels = ["Low", "Medium", "High"];

    private string folder = "";
    private SqlitePredictionLogStore store = null!;
    private PredictionLogEntry[] entries = [];

    [Params(250)]
    public int BatchSize { get; set; }

    /// <summary>With a pseudonymised User_ID (64 hex characters, indexed) or without (NULL).</summary>
    [Params(false, true)]
    public bool WithSubject { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Directory.CreateTempSubdirectory("mhi-log-bench-").FullName;
        store = new SqlitePredictionLogStore(Path.Combine(folder, "predictions.db"));
        var random = new Random(7);
        var start = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        entries = new PredictionLogEntry[BatchSize];
        for (var i = 0; i < entries.Length; i++)
        {
            var subject = new byte[32];
            random.NextBytes(subject);
            entries[i] = new PredictionLogEntry
            {
                Timestamp = start.AddTicks(i * 400),
                ModelName = "mental-health-classifier",
                ModelVersion = "3",
                SubjectKey = WithSubject ? Convert.ToHexStringLower(subject) : null,
                RequestId = $"0HNHB3VQ7K2LM:{i:X8}",
                Source = "api",
                Age = random.Next(18, 70),
                Gender = Genders[i % Genders.Length],
                Occupation = Occupations[i % Occupations.Length],
                Country = Countries[i % Countries.Length],
                ConsultationHistory = i % 3 == 0,
                StressLevel = StressLevels[i % StressLevels.Length],
                SleepHours = Math.Round(4 + (random.NextDouble() * 5), 1),
                WorkHours = random.Next(30, 80),
                PhysicalActivityHours = random.Next(0, 10),
                Probability = random.NextDouble(),
                Label = i % 2 == 0,
                Threshold = 0.29,
            };
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Benchmark]
    public Task Append() => store.AppendAsync(entries, CancellationToken.None);
}
