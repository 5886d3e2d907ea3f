namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>mhi eda and mhi train never overwrite their input with one of their own outputs.</summary>
public sealed class InputNotOverwrittenTests
{
    [Theory]
    [InlineData("eda", "eda.json")]
    [InlineData("eda", "eda.html")]
    [InlineData("eda", "rejects.csv")]
    [InlineData("eda", "plots/d.csv")]
    [InlineData("train", "training.json")]
    [InlineData("train", "training-report.html")]
    [InlineData("train", "validation.json")]
    [InlineData("train", "rejects.csv")]
    [InlineData("train", "models/lr/d.csv")]
    public async Task InputIsAnOutputOfTheCommand_ReturnsUsageAndKeepsTheInput(
        string command,
        string name
    )
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.File("s"), name);
        Directory.CreateDirectory(Path.GetDirectoryName(input)!);
        await CliHarness.RunAsync("data", "generate", "-n", "120", "--seed", "3", "-o", input);
        var before = File.ReadAllBytes(input);

        string[] trainOptions =
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
        var result = await CliHarness.RunAsync([
            command,
            "-i",
            input,
            "-o",
            temp.File("s"),
            .. command == "train" ? trainOptions : [],
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--input", result.Error);
        Assert.DoesNotContain("internal error", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal(before, File.ReadAllBytes(input));
    }

    [Fact]
    public async Task Eda_InputBesideTheOutputs_IsAccepted()
    {
        using var temp = new TempFolder();
        var input = Path.Combine(temp.File("s"), "data.csv");
        Directory.CreateDirectory(temp.File("s"));
        await CliHarness.RunAsync("data", "generate", "-n", "200", "--seed", "3", "-o", input);

        var result = await CliHarness.RunAsync("eda", "-i", input, "-o", temp.File("s"));

        Assert.Equal(0, result.ExitCode);
    }
}
