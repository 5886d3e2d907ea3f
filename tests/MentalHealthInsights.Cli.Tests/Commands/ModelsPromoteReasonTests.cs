using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>A promotion reason is one printable line; stored reasons are printed escaped.</summary>
public sealed class ModelsPromoteReasonTests
{
    /// <summary>A small logistic-regression training into a new store: version 1 of the model.</summary>
    private static async Task<string> TrainOneVersionAsync(TempFolder temp)
    {
        var uri = "sqlite:///" + temp.File("mlruns.db");
        await CliHarness.RunAsync("data", "generate", "-n", "300", "-o", temp.File("d.csv"));
        var train = await CliHarness.RunAsync(
            "train",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("t"),
            "--models",
            "lr",
            "--folds",
            "2",
            "--search-budget",
            "1",
            "--bootstrap",
            "100",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, train.ExitCode);
        return uri;
    }

    [Theory]
    [InlineData("ok\nFAKE\u001b[2K")]
    [InlineData("ok\rx")]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Promote_ReasonEmptyOrWithControlCharacters_ReturnsUsageAndRecordsNothing(
        string reason
    )
    {
        using var temp = new TempFolder();
        var uri = await TrainOneVersionAsync(temp);

        var promote = await CliHarness.RunAsync(
            "models",
            "promote",
            "mental-health-classifier",
            "1",
            "--reason",
            reason,
            "--tracking-uri",
            uri
        );

        Assert.Equal(1, promote.ExitCode);
        Assert.StartsWith("error: --reason", promote.Error);
        var show = await CliHarness.RunAsync(
            "models",
            "show",
            "mental-health-classifier/1",
            "--tracking-uri",
            uri
        );
        Assert.DoesNotContain("FAKE", show.Output);
    }

    [Fact]
    public async Task Promote_VersionIsAlreadyChampion_SaysSoAndRecordsNothing()
    {
        using var temp = new TempFolder();
        var uri = await TrainOneVersionAsync(temp);
        string[] promote =
        [
            "models",
            "promote",
            "mental-health-classifier",
            "1",
            "--reason",
            "reviewed",
            "--tracking-uri",
            uri,
        ];
        Assert.Equal(0, (await CliHarness.RunAsync(promote)).ExitCode);
        var before = await HistoryLengthAsync(uri);

        var again = await CliHarness.RunAsync(promote);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("is already version 1; nothing changed", again.Output);
        Assert.Equal(before, await HistoryLengthAsync(uri));
    }

    private static async Task<int> HistoryLengthAsync(string uri)
    {
        var show = await CliHarness.RunAsync(
            "models",
            "show",
            "mental-health-classifier",
            "--tracking-uri",
            uri,
            "--json"
        );
        using var json = System.Text.Json.JsonDocument.Parse(show.Output);
        return json.RootElement.GetProperty("aliasHistory").GetArrayLength();
    }

    [Theory]
    [InlineData("plain reason", "plain reason")]
    [InlineData("ok\nFAKE\u001b[2K", "ok\\nFAKE\\u001b[2K")]
    [InlineData("tab\there\r", "tab\\there\\r")]
    [InlineData("c1\u009bx", "c1\\u009bx")]
    public void Escape_ControlCharacters_AreShownNotInterpreted(string stored, string printed) =>
        Assert.Equal(printed, TerminalText.Escape(stored));
}
