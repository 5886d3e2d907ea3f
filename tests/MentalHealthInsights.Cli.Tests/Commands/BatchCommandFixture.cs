namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// A real trained XGBoost model registered as champion in a local SQLite store (and its bundle
/// folder), made once per test class with the real commands, plus a dataset to score.
/// </summary>
public sealed class BatchCommandFixture : IDisposable
{
    private readonly TempFolder temp = new();

    public BatchCommandFixture()
    {
        TrackingUri = "sqlite:///" + temp.File("mlruns.db");
        Data = temp.File("d.csv");
        Run("data", "generate", "-n", "900", "-o", Data);
        Run(
            "train",
            "-i",
            Data,
            "-o",
            temp.File("t"),
            "--models",
            "xgb",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "100",
            "--tracking-uri",
            TrackingUri
        );
        Bundle = temp.File(Path.Combine("t", "models", "xgb"));
    }

    public string TrackingUri { get; }

    public string Data { get; }

    public string Bundle { get; }

    public void Dispose() => temp.Dispose();

    private static void Run(params string[] args)
    {
        var result = CliHarness.RunAsync(args).GetAwaiter().GetResult();
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"mhi {args[0]} failed: {result.Error}");
        }
    }
}
