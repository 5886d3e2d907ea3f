using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>mhi train says how many rows it read and rejected, and where the rejects are, everywhere it reports.</summary>
public sealed class TrainRejectedRowsTests
{
    [Fact]
    public async Task Train_TwoRejectedRows_SummaryHtmlAndJsonSayReadUsedAndRejected()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "200",
            "--seed",
            "6",
            "-o",
            temp.File("d.csv")
        );
        var lines = File.ReadAllLines(temp.File("d.csv"));
        foreach (var line in new[] { 3, 9 })
        {
            var fields = lines[line].Split(',');
            fields[1] = "not-a-number";
            lines[line] = string.Join(',', fields);
        }
        File.WriteAllLines(temp.File("d.csv"), lines);

        var result = await CliHarness.RunAsync(
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
            "--no-track"
        );

        Assert.Equal(0, result.ExitCode);
        var rejects = Path.Combine(temp.File("t"), "rejects.csv");
        Assert.Contains($"200 rows read, 198 used, 2 rejected (see {rejects})", result.Output);
        using var json = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(temp.File("t"), "training.json"))
        );
        var input = json.RootElement.GetProperty("report").GetProperty("input");
        Assert.Equal(200, input.GetProperty("rowsRead").GetInt64());
        Assert.Equal(2, input.GetProperty("rowsRejected").GetInt64());
        Assert.Equal("rejects.csv", input.GetProperty("rejectsFile").GetString());
        Assert.Contains(
            "198 used of 200 read; 2 rejected by validation (listed in rejects.csv)",
            File.ReadAllText(Path.Combine(temp.File("t"), "training-report.html"))
        );
    }
}
