using System.Globalization;
using System.Text.Json;
using MentalHealthInsights.Cli.Commands;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class MonitorCommandTests
{
    private static async Task<string> GenerateAsync(
        TempFolder temp,
        string name,
        int rows,
        int seed
    )
    {
        var path = temp.File(name);
        var result = await CliHarness.RunAsync(
            "data",
            "generate",
            "--rows",
            rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed",
            seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--out",
            path
        );
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    [Fact]
    public async Task Monitor_TwoFiles_WritesReportAndPrintsKeyMetrics()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "data/ref.csv", 1500, 1);
        var current = await GenerateAsync(temp, "cur.csv", 800, 2);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            current,
            "-o",
            temp.File("out"),
            "--no-track",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("keyMetrics");
        Assert.Equal(0, metrics.GetProperty("dataset_drift").GetDouble());
        Assert.Equal(800, metrics.GetProperty("rows_current").GetDouble());
        Assert.True(File.Exists(temp.File("out/monitoring-report.html")));
        // The framing is in every output, the JSON ones too (they lacked it).
        Assert.Equal(
            MonitoringReport.DisclaimerText,
            json.RootElement.GetProperty("disclaimer").GetString()
        );
        using var file = JsonDocument.Parse(
            await File.ReadAllTextAsync(temp.File("out/monitoring.json"))
        );
        Assert.Equal(
            MonitoringReport.DisclaimerText,
            file.RootElement.GetProperty("disclaimer").GetString()
        );
    }

    [Fact]
    public async Task Monitor_MissingCurrentFile_ExitsInvalidData()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 200, 1);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            temp.File("none.csv"),
            "-o",
            temp.File("out"),
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("current file", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Rewrites a generated dataset CSV without the Mental_Health_Condition column (as the file
    /// an HR user gives mhi batch), then appends <paramref name="extraLines"/>.
    /// </summary>
    private static async Task DropTargetColumnAsync(string path, params string[] extraLines)
    {
        var lines = await File.ReadAllLinesAsync(path);
        var target = lines[0].Split(',').ToList().IndexOf("Mental_Health_Condition");
        Assert.True(target >= 0);
        await File.WriteAllLinesAsync(
            path,
            lines
                .Select(line =>
                {
                    // Generated values hold no commas or quotes: a split is exact.
                    Assert.DoesNotContain('"', line);
                    var fields = line.Split(',').ToList();
                    fields.RemoveAt(target);
                    return string.Join(',', fields);
                })
                .Concat(extraLines)
        );
    }

    [Fact]
    public async Task Monitor_UnlabelledCurrentCsv_DriftWithoutTargetDriftOrQualityAndSaysWhy()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1500, 1);
        var current = await GenerateAsync(temp, "batch.csv", 800, 2);
        // One more row whose Age is out of range: rejected as in any file.
        await DropTargetColumnAsync(current, "X-1,5,Female,IT,USA,Low,No,Medium,7.5,40,3");

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            current,
            "-o",
            temp.File("out"),
            "--no-track",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("keyMetrics");
        Assert.True(metrics.TryGetProperty("dataset_drift", out _));
        Assert.True(metrics.TryGetProperty("drift_share", out _));
        Assert.False(metrics.TryGetProperty("target_drift", out _));
        Assert.False(metrics.TryGetProperty("f1", out _));
        Assert.Equal(0, metrics.GetProperty("labelled_rows_current").GetDouble());
        var counts = json.RootElement.GetProperty("current");
        Assert.Equal(801, counts.GetProperty("rowsRead").GetInt64());
        Assert.Equal(800, counts.GetProperty("rowsUsed").GetInt64());
        Assert.Equal(1, counts.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(
            temp.File("out/current-rejects.csv"),
            counts.GetProperty("rejectsFile").GetString()
        );
        Assert.Contains(
            "OutOfRange",
            await File.ReadAllTextAsync(temp.File("out/current-rejects.csv")),
            StringComparison.Ordinal
        );
        using var file = JsonDocument.Parse(
            await File.ReadAllTextAsync(temp.File("out/monitoring.json"))
        );
        Assert.Contains(
            file.RootElement.GetProperty("findings").EnumerateArray(),
            f =>
                f.GetString()!.StartsWith("No labels in the current data", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Monitor_CurrentCsvWithAnEmptyOutcome_RowRejectedAndCountsPrinted()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 300, 1);
        var current = await GenerateAsync(temp, "cur.csv", 100, 2);
        var lines = await File.ReadAllLinesAsync(current);
        var target = lines[0].Split(',').ToList().IndexOf("Mental_Health_Condition");
        var fields = lines[1].Split(',');
        fields[target] = "";
        lines[1] = string.Join(',', fields);
        await File.WriteAllLinesAsync(current, lines);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            current,
            "-o",
            temp.File("out"),
            "--no-track"
        );

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            $"Current data: 100 rows read, 99 used, 1 rejected (see {temp.File("out/current-rejects.csv")}); 99 labelled",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "MissingTarget",
            await File.ReadAllTextAsync(temp.File("out/current-rejects.csv")),
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("No labels", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Monitor_MissingReference_ExitsTwoAndLeavesNoOutputFolder()
    {
        using var temp = new TempFolder();
        var current = await GenerateAsync(temp, "cur.csv", 100, 2);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            temp.File("none.csv"),
            "-c",
            current,
            "-o",
            temp.File("out"),
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"reference file not found: {temp.File("none.csv")}",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.False(Directory.Exists(temp.File("out")));
    }

    /// <summary>
    /// An output that cannot be written (here an existing file) used to be reported as "The
    /// monitoring report is written to …, but the monitoring store failed" — nothing had been
    /// written. Only a store failing after the report says so now.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Monitor_OutputOrStoreUnwritable_SaysWhichAndWhetherTheReportExists(
        bool outputIsAFile
    )
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 200, 1);
        var current = await GenerateAsync(temp, "cur.csv", 100, 2);
        var blocker = temp.File("blocker.txt");
        await File.WriteAllTextAsync(blocker, "x");

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            current,
            "-o",
            outputIsAFile ? blocker : temp.File("out"),
            "--store",
            outputIsAFile ? temp.File("state/monitoring.db") : Path.Combine(blocker, "m.db"),
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            !outputIsAFile,
            result.Error.Contains("The monitoring report is written to", StringComparison.Ordinal)
        );
        Assert.Equal(!outputIsAFile, File.Exists(temp.File("out/monitoring-report.html")));
    }

    [Theory]
    [InlineData("--window", "1w")]
    [InlineData("--last", "-3d")]
    [InlineData("--drift-share", "1.5")]
    [InlineData("--drift-share", "NaN")]
    public async Task Monitor_BadOption_ExitsUsage(string option, string value)
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 200, 1);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            reference,
            "-o",
            temp.File("out"),
            "--no-track",
            option,
            value
        );

        Assert.Equal(1, result.ExitCode);
    }

    /// <summary>
    /// A prediction log that is missing (never created by reading it) or is not a SQLite file
    /// (here: the reference CSV): exit 2 with the reason, not an empty window or exit 3.
    /// </summary>
    [Theory]
    [InlineData("missing", "No prediction log")]
    [InlineData("csv", "is not a prediction log")]
    [InlineData("folder", "is a folder, not a prediction log")]
    public async Task Monitor_PredictionLogMissingOrNotADatabase_ExitsTwoWithReason(
        string kind,
        string expected
    )
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 200, 1);
        var log = kind switch
        {
            "csv" => reference,
            "folder" => Directory.CreateDirectory(temp.File("logs")).FullName,
            _ => temp.File("p.db"),
        };

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            "log",
            "--prediction-log",
            log,
            "--last",
            "7d",
            "-o",
            temp.File("out"),
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("p.db")));
    }

    [Fact]
    public async Task Monitor_PredictionLogWindow_MonitorsTheLoggedRows()
    {
        using var temp = new TempFolder();
        var reference = await GenerateAsync(temp, "ref.csv", 1500, 1);
        var now = TimeProvider.System.GetUtcNow();
        var entries = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 300, Seed = 2 })
            .Select(
                (r, i) =>
                    new PredictionLogEntry
                    {
                        Timestamp = now.AddHours(-1 - (i % 48)),
                        ModelName = "m",
                        ModelVersion = "1",
                        RequestId = "r" + i.ToString(CultureInfo.InvariantCulture),
                        Source = "api",
                        Age = r.Age,
                        Gender = r.Gender,
                        Occupation = r.Occupation,
                        Country = r.Country,
                        ConsultationHistory = r.ConsultationHistory,
                        StressLevel = r.StressLevel,
                        SleepHours = r.SleepHours,
                        WorkHours = r.WorkHours,
                        PhysicalActivityHours = r.PhysicalActivityHours,
                        Probability = 0.5,
                        Label = true,
                        Threshold = 0.5,
                    }
            )
            .ToList();
        var log = temp.File("p.db");
        await PredictionLogStoreFactory.Create(log).AppendAsync(entries, CancellationToken.None);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            "log",
            "--prediction-log",
            log,
            "--last",
            "7d",
            "-o",
            temp.File("out"),
            "--no-track",
            "--no-alerts",
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            300,
            json.RootElement.GetProperty("keyMetrics").GetProperty("rows_current").GetDouble()
        );
    }

    [Fact]
    public async Task Monitor_ChampionReference_FindsTrainingDataByHashAndMeasuresF1()
    {
        using var temp = new TempFolder();
        var training = await GenerateAsync(temp, "data/train.csv", 1500, 1);
        var current = await GenerateAsync(temp, "cur.csv", 600, 2);
        var uri = "sqlite:///" + temp.File("mlruns.db");
        var train = await CliHarness.RunAsync(
            "train",
            "-i",
            training,
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, train.ExitCode);

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            "models:/mental-health-classifier@champion",
            "-c",
            current,
            "--data-dir",
            temp.File("data"),
            "-o",
            temp.File("out"),
            "--tracking-uri",
            uri,
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var metrics = json.RootElement.GetProperty("keyMetrics");
        Assert.Equal(0, metrics.GetProperty("f1_is_estimated").GetDouble());
        Assert.InRange(metrics.GetProperty("f1").GetDouble(), 0.3, 1.0);
        Assert.True(metrics.TryGetProperty("fairness_gap", out _));
        var trackingRunId = json.RootElement.GetProperty("trackingRunId").GetString();
        Assert.False(string.IsNullOrEmpty(trackingRunId));
        // The snapshot goes beside the tracking database, under the tracking run's id.
        var alerts = json.RootElement.GetProperty("alerts");
        Assert.Equal(temp.File("monitoring.db"), alerts.GetProperty("store").GetString());
        Assert.Equal(trackingRunId, alerts.GetProperty("monitoringRunId").GetString());
        Assert.True(File.Exists(temp.File("monitoring.db")));
    }

    [Fact]
    public async Task Monitor_StrictChampion_UsesReferenceProfileSavedAtTraining()
    {
        using var temp = new TempFolder();
        var training = await GenerateAsync(temp, "data/train.csv", 1500, 1);
        var current = await GenerateAsync(temp, "cur.csv", 600, 2);
        var uri = "sqlite:///" + temp.File("mlruns.db");
        var train = await CliHarness.RunAsync(
            "train",
            "-i",
            training,
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, train.ExitCode);
        var saved = temp.File("train/reference-profile.json");
        Assert.True(File.Exists(saved));

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            "models:/mental-health-classifier@champion",
            "-c",
            current,
            "--data-dir",
            temp.File("data"),
            "--profile",
            "strict",
            "-o",
            temp.File("out"),
            "--tracking-uri",
            uri,
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        // The training run's profile was used, so none was built (and written) from the file.
        Assert.Equal(
            JsonValueKind.Null,
            json.RootElement.GetProperty("referenceProfile").ValueKind
        );
        Assert.False(File.Exists(temp.File("out/reference-profile.json")));
        var downloaded = Assert.Single(
            Directory.GetFiles(
                temp.File("out/.models"),
                "reference-profile.json",
                SearchOption.AllDirectories
            )
        );
        Assert.Equal(await File.ReadAllTextAsync(saved), await File.ReadAllTextAsync(downloaded));
    }

    [Fact]
    public async Task Monitor_ChampionWithoutItsTrainingData_ExitsInvalidData()
    {
        using var temp = new TempFolder();
        var training = await GenerateAsync(temp, "data/train.csv", 1500, 1);
        var uri = "sqlite:///" + temp.File("mlruns.db");
        var train = await CliHarness.RunAsync(
            "train",
            "-i",
            training,
            "-o",
            temp.File("train"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            uri
        );
        Assert.Equal(0, train.ExitCode);
        Directory.CreateDirectory(temp.File("empty"));

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            "models:/mental-health-classifier@champion",
            "-c",
            training,
            "--data-dir",
            temp.File("empty"),
            "-o",
            temp.File("out"),
            "--tracking-uri",
            uri
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("SHA-256", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("24h", 24 * 60)]
    [InlineData("90m", 90)]
    public void ParseDuration_Units_Minutes(string text, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), MonitorCommand.ParseDuration(text, "--window"));
    }

    [Theory]
    [InlineData("--last", "99999999d")]
    [InlineData("--last", "36501d")]
    [InlineData("--window", "99999999d")]
    [InlineData("--window", "876001h")]
    public async Task Monitor_DurationLongerThan100Years_ExitsOneSayingTheLongest(
        string option,
        string value
    )
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "monitor",
            "-r",
            temp.File("ref.csv"),
            "-c",
            temp.File("cur.csv"),
            "-o",
            temp.File("out"),
            option,
            value
        );

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains(
            $"error: {option} must be at most 36500d (100 years) (got '{value}').",
            result.Error,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void ParsePeriod_LastReachingBeforeTheEarliestTime_UsageError()
    {
        var failure = Assert.Throws<CommandFailure>(() =>
            MonitorCommand.ParsePeriod(
                null,
                null,
                "36500d",
                new DateTimeOffset(50, 1, 1, 0, 0, 0, TimeSpan.Zero)
            )
        );

        Assert.Equal(ExitCodes.Usage, failure.ExitCode);
        Assert.Contains("reaches back before the earliest time", failure.Message);
    }
}
