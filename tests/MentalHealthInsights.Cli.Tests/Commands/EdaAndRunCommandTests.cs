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
    public async Task Run_Defaults_RunsTrainingBatchScoringAndMonitoringPipelines()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "run",
            "--out",
            temp.Path,
            "--rows",
            "500",
            "--current-rows",
            "300",
            "--search-budget",
            "1"
        );

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(temp.Path, "data", "mental_health.csv")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "eda", "eda.html")));
        using var summary = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(temp.Path, "summary.json"))
        );
        var root = summary.RootElement;
        Assert.Equal(500, root.GetProperty("dataset").GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(
            Convert.ToHexStringLower(
                System.Security.Cryptography.SHA256.HashData(
                    File.ReadAllBytes(Path.Combine(temp.Path, "data", "mental_health.csv"))
                )
            ),
            root.GetProperty("dataset").GetProperty("sha256").GetString()
        );
        var train = root.GetProperty("train");
        Assert.True(File.Exists(train.GetProperty("report").GetString()));
        Assert.Equal("1", train.GetProperty("version").GetString());
        Assert.True(train.GetProperty("promoted").GetBoolean());
        Assert.Equal(
            ["baseline", "lr", "rf", "xgb"],
            train
                .GetProperty("models")
                .EnumerateArray()
                .Select(m => m.GetProperty("name").GetString())
        );
        var auc = train.GetProperty("models")[1].GetProperty("test").GetProperty("roc_auc");
        Assert.InRange(
            auc.GetProperty("estimate").GetDouble(),
            auc.GetProperty("lower").GetDouble(),
            auc.GetProperty("upper").GetDouble()
        );

        var batch = root.GetProperty("batch");
        Assert.Equal("mental-health-classifier/1", batch.GetProperty("model").GetString());
        Assert.Equal(300, batch.GetProperty("rowsRead").GetInt64());
        Assert.Equal(
            batch.GetProperty("rowsRead").GetInt64(),
            batch.GetProperty("rowsScored").GetInt64()
                + batch.GetProperty("rowsRejected").GetInt64()
        );
        Assert.Equal(301, File.ReadAllLines(batch.GetProperty("output").GetString()!).Length);

        var monitoring = root.GetProperty("monitoring");
        Assert.True(File.Exists(monitoring.GetProperty("report").GetString()));
        // The simulated window is day 8 of a sleep decline: Sleep_Hours must drift.
        Assert.Contains(
            "Sleep_Hours",
            monitoring.GetProperty("driftedColumns").EnumerateArray().Select(c => c.GetString())
        );
        Assert.Contains("Drift", result.Output);
        // Suppressed alerts (still breached, in cool-down) are counted beside the fired ones.
        var suppressed = monitoring.GetProperty("alertsSuppressed").GetInt64();
        Assert.Contains(
            $"fired{(monitoring.GetProperty("firedRules").GetArrayLength() > 0 ? ": " : "")}",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"; {suppressed} suppressed (still breached, in cool-down)",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("A screening aid, not a diagnosis.", result.Output);
        Assert.Contains("batch-scoring [2/2] score: completed", result.Error);
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
