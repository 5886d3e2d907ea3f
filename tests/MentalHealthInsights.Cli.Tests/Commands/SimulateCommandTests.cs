using System.Security.Cryptography;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Data;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class SimulateCommandTests
{
    private static Task<CliResult> Simulate(string folder, params string[] extra) =>
        CliHarness.RunAsync([
            "simulate",
            "--days",
            "6",
            "--out",
            folder,
            "--rows-per-day",
            "200",
            "--reference-rows",
            "300",
            .. extra,
        ]);

    [Fact]
    public async Task Simulate_LabelDelay_WritesBatchesLabelsThatArriveLateAndAManifest()
    {
        using var temp = new TempFolder();
        var folder = temp.File("sim");

        var result = await Simulate(
            folder,
            "--scenario",
            "stress-spike",
            "--drift-start",
            "3",
            "--label-delay",
            "2"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "Simulated 6 day(s) of 200 rows (stress-spike from day 3, labels after 2 day(s), seed 42)",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Equal(
            [
                "day-001.csv",
                "day-002.csv",
                "day-003.csv",
                "day-004.csv",
                "day-005.csv",
                "day-006.csv",
            ],
            Directory
                .GetFiles(Path.Combine(folder, "days"))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            ["day-003.csv", "day-004.csv", "day-005.csv", "day-006.csv"],
            Directory
                .GetFiles(Path.Combine(folder, "labels"))
                .Select(Path.GetFileName)
                .Order(StringComparer.Ordinal)
        );
        // The batch files are dataset files every command reads.
        var reference = DatasetLoader.Load(Path.Combine(folder, "reference.csv"));
        Assert.Equal(300, reference.Records.Count);
        var day1 = DatasetLoader.Load(Path.Combine(folder, "days", "day-001.csv"));
        Assert.Equal(200, day1.Records.Count);
        Assert.Equal("301", day1.Records[0].UserId);
        // Labels arriving on day 3 are day 1's outcomes, row for row.
        var labels = File.ReadAllLines(Path.Combine(folder, "labels", "day-003.csv"));
        Assert.Equal("User_ID,Mental_Health_Condition", labels[0]);
        Assert.Equal(
            day1.Records.Select(r => $"{r.UserId},{(r.HasCondition ? "Yes" : "No")}"),
            labels.Skip(1)
        );

        using var manifest = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(folder, "simulation.json"))
        );
        var root = manifest.RootElement;
        Assert.Equal("stress-spike", root.GetProperty("scenario").GetString());
        Assert.Equal(3, root.GetProperty("driftStartDay").GetInt32());
        var schedule = root.GetProperty("schedule").EnumerateArray().ToList();
        Assert.Equal(
            [false, false, true, true, true, true],
            schedule.Select(d => d.GetProperty("drifted").GetBoolean())
        );
        Assert.Equal(JsonValueKind.Null, schedule[1].GetProperty("labels").ValueKind);
        Assert.Equal(1, schedule[2].GetProperty("labels").GetProperty("forBatchDay").GetInt32());
        Assert.Equal("2025-01-06", schedule[5].GetProperty("date").GetString());
        Assert.Equal(
            Sha256(Path.Combine(folder, "days", "day-004.csv")),
            schedule[3].GetProperty("sha256").GetString()
        );
    }

    [Fact]
    public async Task Simulate_SameSeedTwice_WritesIdenticalBytesAndAnotherSeedDiffers()
    {
        using var temp = new TempFolder();

        await Simulate(
            temp.File("a"),
            "--scenario",
            "label-shift",
            "--drift-start",
            "2",
            "--seed",
            "5"
        );
        await Simulate(
            temp.File("b"),
            "--scenario",
            "label-shift",
            "--drift-start",
            "2",
            "--seed",
            "5"
        );
        await Simulate(
            temp.File("c"),
            "--scenario",
            "label-shift",
            "--drift-start",
            "2",
            "--seed",
            "6"
        );

        var a = Hashes(temp.File("a"));
        Assert.Equal(6 + 3 + 2, a.Count);
        Assert.Equal(a, Hashes(temp.File("b")));
        var c = Hashes(temp.File("c"));
        Assert.All(a.Keys, file => Assert.NotEqual(a[file], c[file]));
    }

    [Fact]
    public async Task Simulate_DriftStartAfterTheLastDay_IsAUsageErrorButStableIgnoresIt()
    {
        using var temp = new TempFolder();

        var drifted = await Simulate(
            temp.File("a"),
            "--scenario",
            "sleep-decline",
            "--drift-start",
            "9"
        );
        var stable = await Simulate(temp.File("b"), "--drift-start", "9");

        Assert.Equal(1, drifted.ExitCode);
        Assert.Contains(
            "--drift-start must be between 1 and --days",
            drifted.Error,
            StringComparison.Ordinal
        );
        Assert.False(Directory.Exists(temp.File("a")));
        Assert.Equal(0, stable.ExitCode);
    }

    /// <summary>
    /// Defaults the user did not pass follow a short run: six days of sleep-decline without
    /// --drift-start (default 10) drift from day 6; two days keep labels after two days, not the
    /// default three. Both were refused as if the user had given them.
    /// </summary>
    [Fact]
    public async Task Simulate_ShortRunWithDefaults_DefaultsFollowTheDays()
    {
        using var temp = new TempFolder();

        var sixDays = await Simulate(temp.File("a"), "--scenario", "sleep-decline");
        var twoDays = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "2",
            "--out",
            temp.File("b"),
            "--rows-per-day",
            "50",
            "--reference-rows",
            "100"
        );

        Assert.Equal(0, sixDays.ExitCode);
        Assert.Contains("sleep-decline from day 6", sixDays.Output, StringComparison.Ordinal);
        Assert.Equal(0, twoDays.ExitCode);
        Assert.Contains("labels after 2 day(s)", twoDays.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Six days, then three into the same folder: the old days 4–6 (and their labels) used to stay
    /// beside a manifest of three days. A file of another name is the user's and stays.
    /// </summary>
    [Fact]
    public async Task Simulate_ShorterRunIntoTheSameFolder_LeavesOnlyItsOwnDays()
    {
        using var temp = new TempFolder();
        var folder = temp.File("s");
        Assert.Equal(0, (await Simulate(folder, "--label-delay", "0")).ExitCode);
        var mine = Path.Combine(folder, "days", "day-notes.csv");
        await File.WriteAllTextAsync(mine, "kept");

        var shorter = await CliHarness.RunAsync(
            "simulate",
            "--days",
            "3",
            "--out",
            folder,
            "--rows-per-day",
            "200",
            "--reference-rows",
            "300",
            "--label-delay",
            "0"
        );

        Assert.Equal(0, shorter.ExitCode);
        Assert.Equal(
            ["day-001.csv", "day-002.csv", "day-003.csv", "day-notes.csv"],
            Directory.GetFiles(Path.Combine(folder, "days")).Select(Path.GetFileName).Order()
        );
        Assert.Equal(
            ["day-001.csv", "day-002.csv", "day-003.csv"],
            Directory.GetFiles(Path.Combine(folder, "labels")).Select(Path.GetFileName).Order()
        );
    }

    [Fact]
    public async Task Simulate_UnknownScenario_IsAUsageError()
    {
        using var temp = new TempFolder();

        var result = await Simulate(temp.File("a"), "--scenario", "meteor");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("meteor", result.Error, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Hashes(string folder) =>
        Directory
            .GetFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), Sha256, StringComparer.Ordinal);

    private static string Sha256(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
