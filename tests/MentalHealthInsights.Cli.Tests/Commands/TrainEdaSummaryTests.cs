namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>--eda-summary takes only an eda.json of mhi eda: it is uploaded to tracking as is.</summary>
public sealed class TrainEdaSummaryTests
{
    private static string[] Train(TempFolder temp, string? edaSummary, string output = "t") =>
        [
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File(output),
            "--models",
            "lr",
            "--folds",
            "2",
            "--search-budget",
            "1",
            "--bootstrap",
            "100",
            "--no-track",
            .. edaSummary is null ? Array.Empty<string>() : ["--eda-summary", edaSummary],
        ];

    [Theory]
    [InlineData("d.csv")]
    [InlineData("other.json")]
    [InlineData("t-old/training.json")]
    public async Task Train_EdaSummaryNotAnEdaJson_ReturnsInvalidDataBeforeTraining(string name)
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));
        File.WriteAllText(temp.File("other.json"), """{ "formatVersion": 1, "report": {} }""");
        Assert.Equal(0, (await CliHarness.RunAsync(Train(temp, null, "t-old"))).ExitCode);

        var result = await CliHarness.RunAsync(Train(temp, temp.File(name)));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an eda.json written by mhi eda", result.Error);
        Assert.False(File.Exists(Path.Combine(temp.File("t"), "training.json")));
    }

    [Fact]
    public async Task Train_EdaSummaryOfMhiEda_IsAccepted()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));
        var eda = await CliHarness.RunAsync("eda", "-i", temp.File("d.csv"), "-o", temp.File("e"));
        Assert.Equal(0, eda.ExitCode);

        var result = await CliHarness.RunAsync(
            Train(temp, Path.Combine(temp.File("e"), "eda.json"))
        );

        Assert.Equal(0, result.ExitCode);
    }
}
