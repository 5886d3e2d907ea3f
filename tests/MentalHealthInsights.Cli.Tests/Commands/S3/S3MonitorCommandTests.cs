using System.Diagnostics;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Tests.Commands.S3;

/// <summary>
/// <c>mhi monitor</c> with s3:// inputs and output, and the temporary files of <c>eda</c> and
/// <c>train</c> with s3:// inputs, through the real <c>mhi</c> process against s3rver. Each
/// process gets its own <c>TMPDIR</c>, so the tests can see that nothing is left behind.
/// </summary>
[Collection(S3rverGroup.Name)]
public sealed class S3MonitorCommandTests(S3rverFixture server)
{
    private static string Uri(string prefix, string key) =>
        $"s3://{S3rverFixture.Bucket}/{prefix}/{key}";

    private static Dictionary<string, string> WithTemp(
        IReadOnlyDictionary<string, string> environment,
        string tmp
    ) => new(environment) { ["TMPDIR"] = tmp };

    private Task<CliResult> MhiAsync(TempFolder temp, params string[] args)
    {
        Directory.CreateDirectory(temp.File("tmp"));
        return MhiProcess.RunAsync(WithTemp(server.Environment, temp.File("tmp")), temp.Path, args);
    }

    private StorageLocation Location(string uri) => StorageLocation.Parse(uri, server.Connection);

    private async Task<string> ReadTextAsync(string uri)
    {
        await using var input = await Location(uri).OpenReadAsync();
        using var reader = new StreamReader(input, Encoding.UTF8);
        return await reader.ReadToEndAsync();
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

    /// <summary>Generates a dataset into a local file, uploaded when <paramref name="output"/> is an s3:// URI.</summary>
    private async Task GenerateAsync(string output, int rows, int seed)
    {
        var local = StorageLocation.IsS3(output)
            ? Path.Combine(Path.GetTempPath(), "mhi-gen-" + Guid.NewGuid().ToString("N") + ".csv")
            : output;
        try
        {
            var result = await CliHarness.RunAsync(
                "data",
                "generate",
                "-n",
                rows.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--seed",
                seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-o",
                local
            );
            Assert.Equal(0, result.ExitCode);
            if (!string.Equals(local, output, StringComparison.Ordinal))
            {
                await StorageTransfer.UploadAsync(local, Location(output));
            }
        }
        finally
        {
            if (!string.Equals(local, output, StringComparison.Ordinal))
            {
                File.Delete(local);
            }
        }
    }

    /// <summary>The staged copies and output folders of s3:// arguments left in a TMPDIR.</summary>
    private static string[] Staged(string tmp) =>
        [.. Directory.EnumerateDirectories(tmp, "mhi-s3-*")];

    [Fact]
    public async Task Monitor_S3InputsAndOutput_SameMetricsAsLocalAndReportInS3()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("monitor");
        await GenerateAsync(temp.File("ref.csv"), 1500, 1);
        await GenerateAsync(temp.File("cur.csv"), 800, 2);
        await StorageTransfer.UploadAsync(temp.File("ref.csv"), Location(Uri(prefix, "ref.csv")));
        await StorageTransfer.UploadAsync(temp.File("cur.csv"), Location(Uri(prefix, "cur.csv")));
        var local = await MhiAsync(
            temp,
            "monitor",
            "-r",
            temp.File("ref.csv"),
            "-c",
            temp.File("cur.csv"),
            "-o",
            temp.File("out"),
            "--no-track",
            "--no-alerts",
            "--json"
        );
        Assert.True(local.ExitCode == 0, local.Error);

        var remote = await MhiAsync(
            temp,
            "monitor",
            "-r",
            Uri(prefix, "ref.csv"),
            "-c",
            Uri(prefix, "cur.csv"),
            "-o",
            Uri(prefix, "monitor"),
            "--no-track",
            "--store",
            temp.File("monitoring.db"),
            "--json"
        );

        Assert.True(remote.ExitCode == 0, remote.Error);
        using var localJson = JsonDocument.Parse(local.Output);
        using var remoteJson = JsonDocument.Parse(remote.Output);
        Assert.Equal(
            localJson.RootElement.GetProperty("keyMetrics").GetRawText(),
            remoteJson.RootElement.GetProperty("keyMetrics").GetRawText()
        );
        Assert.Equal(
            Uri(prefix, "monitor/monitoring-report.html"),
            remoteJson.RootElement.GetProperty("html").GetString()
        );
        Assert.Equal(
            Uri(prefix, "monitor/monitoring.json"),
            remoteJson.RootElement.GetProperty("json").GetString()
        );
        Assert.Equal(
            [
                "current-rejects.csv",
                "monitoring-report.html",
                "monitoring.json",
                "reference-rejects.csv",
            ],
            await ListAsync(Uri(prefix, "monitor"))
        );
        Assert.Contains(
            "not a diagnosis",
            await ReadTextAsync(Uri(prefix, "monitor/monitoring-report.html")),
            StringComparison.OrdinalIgnoreCase
        );
        Assert.Empty(Staged(temp.File("tmp")));
    }

    [Fact]
    public async Task Monitor_MissingCurrentKey_ExitTwoNothingWritten()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("monitor-missing");
        await GenerateAsync(Uri(prefix, "ref.csv"), 300, 1);

        var result = await MhiAsync(
            temp,
            "monitor",
            "-r",
            Uri(prefix, "ref.csv"),
            "-c",
            Uri(prefix, "none.csv"),
            "-o",
            Uri(prefix, "monitor"),
            "--no-track",
            "--no-alerts"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: The current file: {Uri(prefix, "none.csv")} does not exist (S3 error NoSuchKey).",
            result.Error.Trim()
        );
        Assert.Empty(await ListAsync(Uri(prefix, "monitor")));
        Assert.Empty(Staged(temp.File("tmp")));
    }

    [Fact]
    public async Task Monitor_S3OutputWithoutAlertStore_ExitOneAskingForStore()
    {
        using var temp = new TempFolder();
        await GenerateAsync(temp.File("ref.csv"), 300, 1);

        var result = await MhiAsync(
            temp,
            "monitor",
            "-r",
            temp.File("ref.csv"),
            "-c",
            temp.File("ref.csv"),
            "-o",
            Uri(S3rverFixture.UniquePrefix("monitor-store"), "monitor"),
            "--no-track"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("give --store", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eda_S3Input_StreamedWithoutATemporaryCopy()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("eda-stream");
        await GenerateAsync(Uri(prefix, "data.csv"), 600, 3);
        await GenerateAsync(temp.File("data.csv"), 600, 3);
        var local = await MhiAsync(
            temp,
            "eda",
            "-i",
            temp.File("data.csv"),
            "-o",
            temp.File("eda"),
            "--json"
        );
        Assert.True(local.ExitCode == 0, local.Error);

        var remote = await MhiAsync(
            temp,
            "eda",
            "-i",
            Uri(prefix, "data.csv"),
            "-o",
            temp.File("eda-remote"),
            "--json"
        );

        Assert.True(remote.ExitCode == 0, remote.Error);
        using var json = JsonDocument.Parse(remote.Output);
        Assert.Equal(Uri(prefix, "data.csv"), json.RootElement.GetProperty("input").GetString());
        Assert.Equal(600, json.RootElement.GetProperty("rowsAccepted").GetInt64());
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("eda/rejects.csv")),
            await File.ReadAllBytesAsync(temp.File("eda-remote/rejects.csv"))
        );
        Assert.Empty(Staged(temp.File("tmp")));
    }

    [Fact]
    public async Task Eda_MissingKeyAndMissingBucket_ExitTwoWithOneClearLine()
    {
        using var temp = new TempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("eda-missing"), "none.csv");

        var missingKey = await MhiAsync(temp, "eda", "-i", uri, "-o", temp.File("eda"));
        var missingBucket = await MhiAsync(
            temp,
            "eda",
            "-i",
            "s3://no-such-bucket-mhi/x.csv",
            "-o",
            temp.File("eda")
        );

        Assert.Equal(2, missingKey.ExitCode);
        Assert.Equal(
            $"error: {uri} does not exist (S3 error NoSuchKey).",
            missingKey.Error.Trim().Split('\n')[^1]
        );
        Assert.DoesNotContain(" at ", missingKey.Error, StringComparison.Ordinal);
        Assert.Equal(2, missingBucket.ExitCode);
        Assert.Equal(
            "error: the bucket of s3://no-such-bucket-mhi/x.csv does not exist (S3 error NoSuchBucket).",
            missingBucket.Error.Trim().Split('\n')[^1]
        );
        Assert.False(File.Exists(temp.File("eda/rejects.csv")));
    }

    [Fact]
    public async Task Train_S3InputNoValidRows_ExitTwoAndTemporaryCopyDeleted()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("train-bad");
        await using (var output = Location(Uri(prefix, "bad.csv")).OpenWrite())
        {
            await output.WriteAsync(
                Encoding.UTF8.GetBytes(
                    "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours\n1,abc,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
                )
            );
            await output.CommitAsync();
        }

        var result = await MhiAsync(
            temp,
            "train",
            "-i",
            Uri(prefix, "bad.csv"),
            "-o",
            temp.File("train"),
            "--no-track"
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(Staged(temp.File("tmp")));
    }

    [Fact]
    public async Task Train_S3InputCancelledWithSigterm_TemporaryCopyDeleted()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("train-cancel");
        await GenerateAsync(Uri(prefix, "data.csv"), 3000, 4);
        var tmp = temp.File("tmp");
        Directory.CreateDirectory(tmp);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = temp.Path,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mhi.dll"));
        foreach (
            var arg in new[]
            {
                "train",
                "-i",
                Uri(prefix, "data.csv"),
                "-o",
                temp.File("train"),
                "--no-track",
                "--bootstrap",
                "2000",
            }
        )
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in WithTemp(server.Environment, tmp))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Wait until the object has been copied (the staged file has its final name).
        while (
            !process.HasExited
            && !Directory.EnumerateFiles(tmp, "data.csv", SearchOption.AllDirectories).Any()
        )
        {
            Thread.Sleep(5);
        }
        Assert.False(process.HasExited, "mhi ended before the copy was staged");
        using (
            var signal = Process.Start(
                "kill",
                ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]
            )
        )
        {
            await signal.WaitForExitAsync();
        }
        await process.WaitForExitAsync();
        await Task.WhenAll(stdout, stderr);

        // Stopped by the signal (not finished), and the staged copy is gone all the same.
        Assert.NotEqual(0, process.ExitCode);
        Assert.Empty(Staged(tmp));
    }
}
