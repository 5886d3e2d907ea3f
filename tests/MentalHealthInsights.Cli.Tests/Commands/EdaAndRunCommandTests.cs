using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class EdaAndRunCommandTests
{
    [Fact]
    public async Task Eda_GeneratedFile_WritesHtmlJsonAndPlots()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "600", "-o", temp.File("d.csv"));

        var result = await CliHarness.RunAsync(
            "eda",
            "--input",
            temp.File("d.csv"),
            "--out",
            temp.File("eda"),
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var html = json.RootElement.GetProperty("html").GetString()!;
        Assert.True(File.Exists(html));
        Assert.Contains("screening aid, not a diagnosis", File.ReadAllText(html));
        Assert.True(File.Exists(json.RootElement.GetProperty("json").GetString()));
        Assert.NotEmpty(json.RootElement.GetProperty("plots").EnumerateArray());
        Assert.All(
            json.RootElement.GetProperty("plots").EnumerateArray(),
            p => Assert.True(File.Exists(p.GetString()))
        );
    }

    [Fact]
    public async Task Eda_EveryRowRejected_ReturnsInvalidData()
    {
        using var temp = new TempFolder();
        File.WriteAllText(
            temp.File("d.csv"),
            "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours\n"
                + "1,30,Male,IT,USA,,Low,No,High,6.5,40,2\n"
        );

        var result = await CliHarness.RunAsync(
            "eda",
            "-i",
            temp.File("d.csv"),
            "-o",
            temp.File("eda")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no valid rows", result.Error);
    }

    [Fact]
    public async Task Run_Defaults_GeneratesValidatesAndReports()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "run",
            "--out",
            temp.Path,
            "--rows",
            "500",
            "--search-budget",
            "1"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "data", "mental_health.csv")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "eda", "eda.html")));
        using var summary = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(temp.Path, "summary.json"))
        );
        Assert.Equal(
            500,
            summary.RootElement.GetProperty("validation").GetProperty("rowsAccepted").GetInt64()
        );
        Assert.Contains("EDA report", result.Output);
        Assert.True(File.Exists(Path.Combine(temp.Path, "train", "training-report.html")));
        Assert.Equal(
            Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(
                    File.ReadAllBytes(Path.Combine(temp.Path, "data", "mental_health.csv"))
                )
            ),
            summary.RootElement.GetProperty("dataset").GetProperty("sha256").GetString()
        );
        Assert.Equal(
            "Completed",
            summary.RootElement.GetProperty("train").GetProperty("outcome").GetString()
        );
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("data", "--help")]
    [InlineData("data", "generate", "--help")]
    [InlineData("data", "validate", "--help")]
    [InlineData("eda", "--help")]
    [InlineData("run", "--help")]
    public async Task Help_AnyCommand_PrintsUsageAndExitsZero(params string[] args)
    {
        var result = await CliHarness.RunAsync(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }

    [Fact]
    public async Task Invoke_UnknownCommand_ReturnsUsage()
    {
        var result = await CliHarness.RunAsync("trian");

        Assert.Equal(1, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }
}
