using System.Globalization;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>Bad user input is a usage error (exit 1) or a data error (exit 2), never exit 3.</summary>
public sealed class UserInputChecksTests
{
    private static readonly string[] FastOptions =
    [
        "--models",
        "lr",
        "--folds",
        "2",
        "--search-budget",
        "1",
        "--bootstrap",
        "100",
        "--no-track",
    ];

    [Theory]
    [InlineData("data", "generate", "-o", "")]
    [InlineData("data", "validate", "-i", "")]
    [InlineData("data", "validate", "-i", "d.csv", "--rejects", "")]
    [InlineData("data", "validate", "-i", "d.csv", "--rejects", " ")]
    public async Task EmptyPath_ReturnsUsage(params string[] args)
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "20", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync([
            .. args.Select(a => a == "d.csv" ? temp.File("d.csv") : a),
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty", result.Error);
        Assert.DoesNotContain("internal error", result.Error);
    }

    [Theory]
    [InlineData("--model-name", "")]
    [InlineData("--model-name", "a/b@c")]
    [InlineData("--model-name", "a@b")]
    [InlineData("--model-name", "a/b")]
    [InlineData("--experiment", "")]
    [InlineData("--test-fraction", "0")]
    public async Task Train_BadNameOrBound_ReturnsUsageBeforeTraining(string option, string value)
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync([
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            .. Without(option),
            option,
            value,
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {option}", result.Error);
        // Refused before anything was trained or written.
        Assert.False(File.Exists(Path.Combine(temp.File("t"), "training.json")));
    }

    [Fact]
    public async Task Train_TestFractionZero_NamesTheOption()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "50", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "--test-fraction",
            "0"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: --test-fraction must be between 0 and 1 (exclusive).",
            result.Error.Trim()
        );
    }

    [Fact]
    public async Task Validate_InfiniteRangeBounds_MeanUnbounded()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "50", "-o", temp.File("d.csv"));
        WithAge(temp.File("d.csv"), 2, "1e300");

        var result = await CliHarness.RunAsync(
            "data",
            "validate",
            "-i",
            temp.File("d.csv"),
            "--rejects",
            temp.File("r.csv"),
            "--range",
            "Age=-Infinity:Infinity",
            "--fail-on-rejects"
        );

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task Train_AstronomicAgesInAWidenedRange_TrainsWithFiniteFeatures()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "300",
            "--seed",
            "8",
            "-o",
            temp.File("d.csv")
        );
        for (var line = 2; line < 300; line += 7)
        {
            WithAge(temp.File("d.csv"), line, "1e308");
        }

        var result = await CliHarness.RunAsync([
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            "--range",
            "Age=0:1.7e308",
            .. Without("--models"),
            "--models",
            "lr,xgb",
        ]);

        Assert.DoesNotContain("internal error", result.Error);
        Assert.Equal(0, result.ExitCode);
    }

    /// <summary>The fast options less <paramref name="option"/> and its value.</summary>
    private static string[] Without(string option)
    {
        var at = Array.IndexOf(FastOptions, option);
        return at < 0 ? FastOptions : [.. FastOptions[..at], .. FastOptions[(at + 2)..]];
    }

    /// <summary>Replaces the Age (second field) of the CSV's line <paramref name="line"/> (1 = header).</summary>
    private static void WithAge(string path, int line, string age)
    {
        var lines = File.ReadAllLines(path);
        var fields = lines[line - 1].Split(',');
        fields[1] = age;
        lines[line - 1] = string.Join(',', fields);
        File.WriteAllLines(path, lines);
        Assert.True(double.Parse(age, CultureInfo.InvariantCulture) > 0);
    }
}
