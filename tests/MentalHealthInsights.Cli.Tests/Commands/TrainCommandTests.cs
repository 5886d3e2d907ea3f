using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    private static readonly string[] FastOptions =
    [
        "--folds",
        "3",
        "--search-budget",
        "1",
        "--bootstrap",
        "200",
        "--no-track",
    ];

    [Fact]
    public async Task Train_PlantedData_ModelsBeatTheBaselineAndReportIsWritten()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "1500",
            "--seed",
            "3",
            "-o",
            temp.File("d.csv")
        );

        var result = await CliHarness.RunAsync([
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("train"),
            "--models",
            "lr,xgb",
            "--json",
            .. FastOptions,
        ]);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.False(root.GetProperty("noModelBeatsChance").GetBoolean());
        var models = root.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(
            ["baseline", "lr", "xgb"],
            models.Select(m => m.GetProperty("name").GetString())
        );
        Assert.All(
            models.Where(m => !m.GetProperty("baseline").GetBoolean()),
            m =>
                Assert.True(
                    m.GetProperty("test").GetProperty("roc_auc").GetProperty("lower").GetDouble()
                        > 0.5
                )
        );
        Assert.True(File.Exists(root.GetProperty("html").GetString()));
    }

    [Fact]
    public async Task Train_NoSignalData_SaysPlainlyThatNoModelBeatsChance()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "800",
            "--signal",
            "none",
            "--seed",
            "4",
            "-o",
            temp.File("d.csv")
        );

        var result = await CliHarness.RunAsync([
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            .. FastOptions,
        ]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "No model is better than chance on this data; do not use these predictions.",
            result.Output
        );
    }

    [Fact]
    public async Task Train_RandomForestOnThirtyRows_SaysPlainlyWithExitTwo()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "30", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            "--search-budget",
            "1",
            "--bootstrap",
            "100",
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        // stderr also holds the progress lines; the error is one line, the last.
        var errors = result
            .Error.Split('\n')
            .Where(l => l.StartsWith("error", StringComparison.Ordinal))
            .ToList();
        var error = Assert.Single(errors);
        Assert.StartsWith(
            "error: The random forest (rf) could not be trained on so few rows",
            error
        );
        Assert.DoesNotContain("internal error", result.Error);
    }

    [Theory]
    [InlineData("--models", "svm")]
    [InlineData("--threshold", "recall:2")]
    [InlineData("--folds", "1")]
    public async Task Train_BadOption_ReturnsUsage(string option, string value)
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "100", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            option,
            value
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option, result.Error);
    }

    [Theory]
    [InlineData("halving", 2)]
    [InlineData("full", 4)]
    public async Task Train_SearchStrategy_RecordedAndFollowed(string strategy, int fullyEvaluated)
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "600",
            "--seed",
            "5",
            "-o",
            temp.File("d.csv")
        );

        // Four configurations and three folds: halving keeps ⌈4 / 3⌉ = 2 for folds 1 and 2.
        var result = await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "4",
            "--bootstrap",
            "200",
            "--no-track",
            "--search-strategy",
            strategy
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(
            await File.ReadAllTextAsync(temp.File("train/training.json"))
        );
        var report = json.RootElement.GetProperty("report");
        Assert.Equal(
            strategy,
            report.GetProperty("options").GetProperty("searchStrategy").GetString()
        );
        var lr = report
            .GetProperty("models")
            .EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == "lr");
        var trials = lr.GetProperty("trials").EnumerateArray().ToList();
        Assert.Equal(4, trials.Count);
        Assert.Equal(
            fullyEvaluated,
            trials.Count(t => t.GetProperty("folds").GetArrayLength() == 3)
        );
    }

    [Fact]
    public async Task Train_RerunWithFewerModels_RemovesThePreviousTrainingsOtherOutputsOnly()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "600",
            "--seed",
            "4",
            "-o",
            temp.File("d.csv")
        );
        var output = temp.File("train");
        string[] Train(string models) =>
            ["train", "-i", temp.File("d.csv"), "-o", output, "--models", models, .. FastOptions];

        var first = await CliHarness.RunAsync(Train("lr,rf"));
        Assert.True(File.Exists(Path.Combine(output, "models", "rf.mhib")));
        Assert.True(File.Exists(Path.Combine(output, "plots", "importance-rf.svg")));
        // Files the tool did not write are kept, even inside a bundle folder it removes.
        await File.WriteAllTextAsync(Path.Combine(output, "models", "rf", "notes.txt"), "mine");
        await File.WriteAllTextAsync(Path.Combine(output, "plots", "mine.svg"), "mine");
        var second = await CliHarness.RunAsync(Train("lr"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        string[] Entries(string folder) =>
            [
                .. Directory
                    .GetFileSystemEntries(Path.Combine(output, folder))
                    .Select(Path.GetFileName)
                    .Order(StringComparer.Ordinal)!,
            ];
        Assert.Equal(["baseline", "baseline.mhib", "lr", "lr.mhib", "rf"], Entries("models"));
        Assert.Equal(["notes.txt"], Entries(Path.Combine("models", "rf")));
        Assert.DoesNotContain("importance-rf.svg", Entries("plots"));
        Assert.Contains("mine.svg", Entries("plots"));
        using var json = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(output, "training.json"))
        );
        // What is left in plots/ is this training's plots and the user's file, nothing else.
        Assert.Equal(
            json.RootElement.GetProperty("plots")
                .EnumerateArray()
                .Select(p => Path.GetFileName(p.GetString()!))
                .Append("mine.svg")
                .Order(StringComparer.Ordinal),
            Entries("plots")
        );
    }
}
