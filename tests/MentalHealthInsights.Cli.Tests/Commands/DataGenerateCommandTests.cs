using System.Text.Json;

namespace MentalHealthInsights.Cli.Tests.Commands;

public sealed class DataGenerateCommandTests
{
    [Fact]
    public async Task Generate_ValidOptions_WritesFileWithHeaderAndRows()
    {
        using var temp = new TempFolder();
        var path = temp.File("nested/data.csv");

        var result = await CliHarness.RunAsync("data", "generate", "--rows", "250", "--out", path);

        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(path);
        Assert.Equal(251, lines.Length);
        Assert.StartsWith(
            "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition",
            lines[0]
        );
        Assert.Contains("250 rows", result.Output);
    }

    [Fact]
    public async Task Generate_SameSeedTwice_WritesIdenticalBytes()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "300",
            "--seed",
            "7",
            "-o",
            temp.File("a.csv")
        );
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "300",
            "--seed",
            "7",
            "-o",
            temp.File("b.csv")
        );
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "300",
            "--seed",
            "8",
            "-o",
            temp.File("c.csv")
        );

        Assert.Equal(File.ReadAllBytes(temp.File("a.csv")), File.ReadAllBytes(temp.File("b.csv")));
        Assert.NotEqual(
            File.ReadAllBytes(temp.File("a.csv")),
            File.ReadAllBytes(temp.File("c.csv"))
        );
    }

    [Fact]
    public async Task Generate_Json_PrintsParseableSummaryOnStdout()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "data",
            "generate",
            "--rows",
            "50",
            "--signal",
            "none",
            "--out",
            temp.File("d.csv"),
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(50, json.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal("none", json.RootElement.GetProperty("signal").GetString());
        Assert.Equal(64, json.RootElement.GetProperty("sha256").GetString()!.Length);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("many")]
    public async Task Generate_InvalidRows_ReturnsUsageWithoutHelpDump(string rows)
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "data",
            "generate",
            "--rows",
            rows,
            "--out",
            temp.File("x.csv")
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--rows", result.Error);
        Assert.DoesNotContain("Usage:", result.Output + result.Error);
        Assert.False(File.Exists(temp.File("x.csv")));
    }

    [Fact]
    public async Task Generate_UnknownSignal_ReturnsUsage()
    {
        using var temp = new TempFolder();

        var result = await CliHarness.RunAsync(
            "data",
            "generate",
            "--signal",
            "strong",
            "--out",
            temp.File("x.csv")
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("strong", result.Error);
    }
}
