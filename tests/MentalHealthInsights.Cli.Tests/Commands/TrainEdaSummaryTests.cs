using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    [Fact]
    public async Task Eda_Json_RecordsTheSha256OfTheInputsBytes()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));

        Assert.Equal(
            0,
            (
                await CliHarness.RunAsync("eda", "-i", temp.File("d.csv"), "-o", temp.File("e"))
            ).ExitCode
        );

        using var json = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(temp.File("e"), "eda.json"))
        );
        Assert.Equal(
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(temp.File("d.csv")))),
            json.RootElement.GetProperty("dataSha256").GetString()
        );
    }

    [Fact]
    public async Task Train_EdaSummaryOfOtherData_ReturnsInvalidDataBeforeTraining()
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));
        await CliHarness.RunAsync(
            "data",
            "generate",
            "-n",
            "200",
            "--seed",
            "2",
            "-o",
            temp.File("other.csv")
        );
        await CliHarness.RunAsync("eda", "-i", temp.File("other.csv"), "-o", temp.File("e"));

        var result = await CliHarness.RunAsync(
            Train(temp, Path.Combine(temp.File("e"), "eda.json"))
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("eda.json describes other data", result.Error);
        Assert.False(File.Exists(Path.Combine(temp.File("t"), "training.json")));
    }

    [Theory]
    [InlineData(null, 0)]
    [InlineData("not-a-hash", 2)]
    [InlineData("ABCDEF", 2)]
    public async Task Train_EdaSummaryWithoutOrWithAMalformedDataHash_OlderFilesAreAccepted(
        string? hash,
        int exitCode
    )
    {
        using var temp = new TempFolder();
        await CliHarness.RunAsync("data", "generate", "-n", "200", "-o", temp.File("d.csv"));
        await CliHarness.RunAsync("eda", "-i", temp.File("d.csv"), "-o", temp.File("e"));
        var path = Path.Combine(temp.File("e"), "eda.json");
        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json.Remove("dataSha256");
        if (hash is not null)
        {
            json["dataSha256"] = hash;
        }
        File.WriteAllText(path, json.ToJsonString());

        var result = await CliHarness.RunAsync(Train(temp, path));

        Assert.Equal(exitCode, result.ExitCode);
        if (exitCode != 0)
        {
            Assert.Contains("its dataSha256 is not a SHA-256", result.Error);
        }
    }
}
