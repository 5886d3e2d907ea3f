using System.Text;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Tests.Commands.S3;

/// <summary>
/// s3:// inputs and outputs through the real <c>mhi</c> process, configured only by the
/// standard AWS variables, against s3rver on loopback.
/// </summary>
[Collection(S3rverGroup.Name)]
public sealed class S3CommandTests(S3rverFixture server)
{
    private const string Header =
        "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours";

    private Task<CliResult> MhiAsync(string workingDirectory, params string[] args) =>
        MhiProcess.RunAsync(server.Environment, workingDirectory, args);

    private string Uri(string prefix, string key) => $"s3://{S3rverFixture.Bucket}/{prefix}/{key}";

    private StorageLocation Location(string uri) => StorageLocation.Parse(uri, server.Connection);

    private async Task<byte[]> ReadAsync(string uri)
    {
        await using var input = await Location(uri).OpenReadAsync();
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task PutAsync(string uri, byte[] content)
    {
        await using var output = Location(uri).OpenWrite();
        await output.WriteAsync(content);
        await output.CommitAsync();
    }

    private async Task<List<string>> ListAsync(string uri)
    {
        var keys = new List<string>();
        await foreach (var item in Location(uri).ListAsync())
        {
            keys.Add(item.RelativePath);
        }
        return keys;
    }

    [Fact]
    public async Task DataGenerate_S3Output_SameBytesAsTheLocalFile()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("generate");
        var uri = Uri(prefix, "synthetic.csv");

        var local = await MhiAsync(
            temp.Path,
            "data",
            "generate",
            "-n",
            "3000",
            "--seed",
            "5",
            "-o",
            temp.File("d.csv"),
            "--json"
        );
        var remote = await MhiAsync(
            temp.Path,
            "data",
            "generate",
            "-n",
            "3000",
            "--seed",
            "5",
            "-o",
            uri,
            "--json"
        );

        Assert.Equal(0, remote.ExitCode);
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("d.csv")), await ReadAsync(uri));
        using var localJson = JsonDocument.Parse(local.Output);
        using var remoteJson = JsonDocument.Parse(remote.Output);
        Assert.Equal(uri, remoteJson.RootElement.GetProperty("path").GetString());
        Assert.Equal(
            localJson.RootElement.GetProperty("sha256").GetString(),
            remoteJson.RootElement.GetProperty("sha256").GetString()
        );
    }

    [Fact]
    public async Task DataValidate_S3InputAndRejects_CountsAndRejectsObject()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("validate");
        await PutAsync(
            Uri(prefix, "in/survey.csv"),
            Encoding.UTF8.GetBytes(
                Header
                    + "\n1,30,Male,IT,USA,Yes,Low,No,High,6.5,40,2"
                    + "\n2,abc,Male,IT,USA,Yes,Low,No,High,6.5,40,2"
                    + "\n3,31,Female,IT,USA,No,None,No,Low,7,38,3\n"
            )
        );

        var result = await MhiAsync(
            temp.Path,
            "data",
            "validate",
            "-i",
            Uri(prefix, "in/survey.csv"),
            "--rejects",
            Uri(prefix, "out/rejects.csv"),
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("rowsRead").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("rowsRejected").GetInt64());
        Assert.Equal(
            Uri(prefix, "in/survey.csv"),
            json.RootElement.GetProperty("input").GetString()
        );
        var rejects = Encoding
            .UTF8.GetString(await ReadAsync(Uri(prefix, "out/rejects.csv")))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, rejects.Length);
        Assert.StartsWith("line,reason", rejects[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataValidate_S3InputDefaultRejects_LocalRejectsFileNamedAfterTheKey()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("validate-default");
        await PutAsync(
            Uri(prefix, "survey.csv"),
            Encoding.UTF8.GetBytes(Header + "\n1,30,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n")
        );

        var result = await MhiAsync(temp.Path, "data", "validate", "-i", Uri(prefix, "survey.csv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(
            "Rows read 1 = accepted 1 + rejected 0",
            result.Output,
            StringComparison.Ordinal
        );
        Assert.Single(File.ReadAllLines(temp.File("survey.rejects.csv")));
    }

    [Fact]
    public async Task DataValidate_MissingKey_ExitTwoWithOneClearLine()
    {
        using var temp = new TempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("missing"), "none.csv");

        var result = await MhiAsync(
            temp.Path,
            "data",
            "validate",
            "-i",
            uri,
            "--rejects",
            temp.File("r.csv")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {uri} does not exist (S3 error NoSuchKey).", result.Error.Trim());
        Assert.False(File.Exists(temp.File("r.csv")));
    }

    [Fact]
    public async Task DataValidate_MalformedS3Uri_ExitOne()
    {
        using var temp = new TempFolder();

        var result = await MhiAsync(temp.Path, "data", "validate", "-i", "s3://Bad_Bucket/x.csv");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("valid S3 bucket", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eda_S3InputAndOutput_ReportUploadedAndUrisPrinted()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("eda");
        await MhiAsync(temp.Path, "data", "generate", "-n", "600", "-o", Uri(prefix, "data.csv"));

        var result = await MhiAsync(
            temp.Path,
            "eda",
            "-i",
            Uri(prefix, "data.csv"),
            "-o",
            Uri(prefix, "eda"),
            "--json"
        );

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(Uri(prefix, "eda/eda.html"), json.RootElement.GetProperty("html").GetString());
        var keys = await ListAsync(Uri(prefix, "eda"));
        Assert.Contains("eda.html", keys);
        Assert.Contains("eda.json", keys);
        Assert.Contains("rejects.csv", keys);
        Assert.Contains(keys, k => k.StartsWith("plots/", StringComparison.Ordinal));
        Assert.Contains(
            "screening",
            Encoding.UTF8.GetString(await ReadAsync(Uri(prefix, "eda/eda.html"))),
            StringComparison.OrdinalIgnoreCase
        );
    }

    [Fact]
    public async Task Eda_S3NoValidRows_ExitTwoAndRejectsKeptInS3()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("eda-bad");
        await PutAsync(
            Uri(prefix, "bad.csv"),
            Encoding.UTF8.GetBytes(Header + "\n1,abc,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n")
        );

        var result = await MhiAsync(
            temp.Path,
            "eda",
            "-i",
            Uri(prefix, "bad.csv"),
            "-o",
            Uri(prefix, "eda")
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(
            $"see {Uri(prefix, "eda/rejects.csv")})",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.Equal(["rejects.csv"], await ListAsync(Uri(prefix, "eda")));
    }

    [Fact]
    public async Task Train_S3InputOutputAndArtifacts_EverythingLandsInS3()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("train");
        await MhiAsync(
            temp.Path,
            "data",
            "generate",
            "-n",
            "800",
            "--seed",
            "2",
            "-o",
            Uri(prefix, "data.csv")
        );

        var result = await MhiAsync(
            temp.Path,
            "train",
            "-i",
            Uri(prefix, "data.csv"),
            "-o",
            Uri(prefix, "train"),
            "--models",
            "lr",
            "--folds",
            "3",
            "--search-budget",
            "1",
            "--bootstrap",
            "200",
            "--tracking-uri",
            "sqlite:///" + temp.File("mlruns.db"),
            "--artifacts",
            Uri(prefix, "mlartifacts"),
            "--json"
        );

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            Uri(prefix, "train/training-report.html"),
            json.RootElement.GetProperty("html").GetString()
        );
        var outputs = await ListAsync(Uri(prefix, "train"));
        Assert.Contains("training.json", outputs);
        Assert.Contains(outputs, k => k.StartsWith("models/lr/", StringComparison.Ordinal));
        var artifacts = await ListAsync(Uri(prefix, "mlartifacts"));
        Assert.Contains(artifacts, k => k.Contains("/artifacts/model/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.File("mlartifacts")));
    }
}
