using System.Text;
using System.Text.Json;
using Amazon.S3.Model;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Tests.Commands.S3;

/// <summary>
/// <c>mhi batch</c> with s3:// inputs and outputs through the real <c>mhi</c> process against
/// s3rver: the bytes must equal a local run's, whatever the storage.
/// </summary>
[Collection(S3rverGroup.Name)]
public sealed class S3BatchCommandTests(S3rverFixture server, BatchCommandFixture fixture)
    : IClassFixture<BatchCommandFixture>
{
    private const string Key = "s3-batch-test-key-0123456789";
    private const string ScoredAt = "2026-11-30T00:00:00Z";

    private Dictionary<string, string> Environment =>
        new(server.Environment) { ["MHI_PSEUDONYMISATION_KEY"] = Key };

    private Task<CliResult> MhiAsync(string workingDirectory, params string[] args) =>
        MhiProcess.RunAsync(Environment, workingDirectory, args);

    private static string Uri(string prefix, string key) =>
        $"s3://{S3rverFixture.Bucket}/{prefix}/{key}";

    private StorageLocation Location(string uri) => StorageLocation.Parse(uri, server.Connection);

    private async Task<byte[]> ReadAsync(string uri)
    {
        await using var input = await Location(uri).OpenReadAsync();
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task UploadAsync(string localPath, string uri) =>
        await StorageTransfer.UploadAsync(localPath, Location(uri));

    private async Task<List<string>> ListAsync(string uri)
    {
        var keys = new List<string>();
        await foreach (var item in Location(uri).ListAsync())
        {
            keys.Add(item.RelativePath);
        }
        return keys;
    }

    private string[] Batch(string input, string output, params string[] more) =>
        [
            "batch",
            "-i",
            input,
            "-o",
            output,
            "-m",
            fixture.Bundle,
            "--scored-at",
            ScoredAt,
            .. more,
        ];

    /// <summary>The fixture's data plus an invalid row, so both output files have content.</summary>
    private string WriteInput(TempFolder temp, string name)
    {
        var path = temp.File(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(fixture.Data, path);
        File.AppendAllText(path, "bad-1,abc,Female,IT,UK,No,None,No,Low,7,40,2\n");
        return path;
    }

    [Fact]
    public async Task Batch_S3InputToS3Output_SameBytesAsTheLocalRun()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch");
        var input = WriteInput(temp, "in.csv");
        await UploadAsync(input, Uri(prefix, "in/in.csv"));
        var local = await MhiAsync(temp.Path, Batch(input, temp.File("out.csv")));
        Assert.True(local.ExitCode == 0, local.Error);

        var remote = await MhiAsync(
            temp.Path,
            Batch(Uri(prefix, "in/in.csv"), Uri(prefix, "out/scores.csv"), "--json")
        );

        Assert.True(remote.ExitCode == 0, remote.Error);
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("out.csv")),
            await ReadAsync(Uri(prefix, "out/scores.csv"))
        );
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("out.rejects.csv")),
            await ReadAsync(Uri(prefix, "out/scores.rejects.csv"))
        );
        using var json = JsonDocument.Parse(remote.Output);
        Assert.Equal(
            Uri(prefix, "out/scores.csv"),
            json.RootElement.GetProperty("output").GetString()
        );
        Assert.Equal(
            Uri(prefix, "out/scores.rejects.csv"),
            json.RootElement.GetProperty("rejects").GetString()
        );
        Assert.Equal(
            Uri(prefix, "in/in.csv"),
            json.RootElement.GetProperty("inputFiles")[0].GetString()
        );
        Assert.Equal(1, json.RootElement.GetProperty("rowsRejected").GetInt64());
        // The work files are removed once uploaded, the default work folder too.
        Assert.False(Directory.Exists(temp.File(".mhi-batch")));
    }

    [Fact]
    public async Task Batch_S3PrefixWithABadHeaderInALaterFile_RefusedBeforeScoringAsALocalFolder()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-headers");
        var folder = temp.File("in");
        Directory.CreateDirectory(folder);
        // a.csv is fine; b.csv, read second, lacks columns: every header is checked first.
        File.Copy(fixture.Data, Path.Combine(folder, "a.csv"));
        File.WriteAllText(Path.Combine(folder, "b.csv"), "User_ID,Age\n1,30\n");
        foreach (var name in new[] { "a.csv", "b.csv" })
        {
            await UploadAsync(Path.Combine(folder, name), Uri(prefix, "in/" + name));
        }

        var local = await MhiAsync(temp.Path, Batch(folder, temp.File("out.csv")));
        var remote = await MhiAsync(
            temp.Path,
            Batch(
                Uri(prefix, "in/"),
                Uri(prefix, "out/scores.csv"),
                "--work-dir",
                temp.File("work")
            )
        );

        foreach (var result in new[] { local, remote })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(
                "b.csv: Missing required column(s): Gender",
                result.Error,
                StringComparison.Ordinal
            );
            // Stopped before scoring a.csv: no progress was reported.
            Assert.DoesNotContain("batch:", result.Error, StringComparison.Ordinal);
        }
        Assert.False(File.Exists(temp.File("out.csv")));
        Assert.Empty(await ListAsync(Uri(prefix, "out/")));
        Assert.Empty(
            Directory.Exists(temp.File("work"))
                ? Directory.GetFiles(temp.File("work"), "*.partial", SearchOption.AllDirectories)
                : []
        );
    }

    [Fact]
    public async Task Batch_S3PrefixInput_ReadLikeALocalFolder()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-prefix");
        var lines = File.ReadAllLines(fixture.Data);
        var folder = temp.File("in");
        Directory.CreateDirectory(folder);
        // b.csv before a.csv on purpose: both storages must read in name order.
        File.WriteAllLines(Path.Combine(folder, "b.csv"), lines.Take(300));
        File.WriteAllLines(Path.Combine(folder, "a.csv"), [lines[0], .. lines.Skip(300)]);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a csv");
        foreach (var name in new[] { "b.csv", "a.csv", "notes.txt" })
        {
            await UploadAsync(Path.Combine(folder, name), Uri(prefix, "in/" + name));
        }
        // Below the prefix's top level: ignored, as a local sub-folder is.
        await UploadAsync(Path.Combine(folder, "b.csv"), Uri(prefix, "in/sub/c.csv"));
        var local = await MhiAsync(
            temp.Path,
            Batch(folder, temp.File("out.csv"), "--rejects", temp.File("r.csv"))
        );
        Assert.True(local.ExitCode == 0, local.Error);

        var remote = await MhiAsync(
            temp.Path,
            Batch(
                Uri(prefix, "in/"),
                Uri(prefix, "out/scores.csv"),
                "--rejects",
                temp.File("remote-rejects.csv"),
                "--json"
            )
        );

        Assert.True(remote.ExitCode == 0, remote.Error);
        using var json = JsonDocument.Parse(remote.Output);
        Assert.Equal(
            [Uri(prefix, "in/a.csv"), Uri(prefix, "in/b.csv")],
            json.RootElement.GetProperty("inputFiles").EnumerateArray().Select(e => e.GetString()!)
        );
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("out.csv")),
            await ReadAsync(Uri(prefix, "out/scores.csv"))
        );
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("r.csv")),
            await File.ReadAllBytesAsync(temp.File("remote-rejects.csv"))
        );
        Assert.Equal(lines.Length, File.ReadLines(temp.File("out.csv")).Count());
    }

    [Fact]
    public async Task Batch_S3PrefixWithAnEmptyObjectAndAnEarlierOutput_SkippedWithNotesAsALocalFolder()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-prefix-skips");
        var input = WriteInput(temp, "a.csv");
        // An earlier job's output, written into the prefix, and an empty object.
        var earlier = await MhiAsync(temp.Path, Batch(input, temp.File("old-scores.csv")));
        Assert.True(earlier.ExitCode == 0, earlier.Error);
        await File.WriteAllTextAsync(temp.File("empty.csv"), "");
        foreach (var name in new[] { "a.csv", "old-scores.csv", "empty.csv" })
        {
            await UploadAsync(temp.File(name), Uri(prefix, "in/" + name));
        }

        var result = await MhiAsync(
            temp.Path,
            Batch(
                Uri(prefix, "in/"),
                temp.File("out.csv"),
                "--rejects",
                temp.File("r.csv"),
                "--json"
            )
        );

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            [Uri(prefix, "in/a.csv")],
            json.RootElement.GetProperty("inputFiles").EnumerateArray().Select(e => e.GetString()!)
        );
        Assert.Equal(
            [
                "Skipped empty.csv: the file is empty (no header row).",
                "Skipped old-scores.csv: it is an mhi batch output or rejects file (its first line is the header mhi batch writes), not an input.",
            ],
            json.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString())
        );
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("old-scores.csv")),
            await File.ReadAllBytesAsync(temp.File("out.csv"))
        );
    }

    [Fact]
    public async Task Batch_S3KeyWithoutSlashNamingAPrefix_ReadAsAFolder()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-noslash");
        await UploadAsync(fixture.Data, Uri(prefix, "in/part-1.csv"));

        var result = await MhiAsync(
            temp.Path,
            Batch(Uri(prefix, "in"), temp.File("out.csv"), "--json")
        );

        Assert.True(result.ExitCode == 0, result.Error);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            Uri(prefix, "in/part-1.csv"),
            json.RootElement.GetProperty("inputFiles")[0].GetString()
        );
    }

    [Fact]
    public async Task Batch_MissingKey_ExitTwoWithOneClearLine()
    {
        using var temp = new TempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("batch-missing"), "none.csv");

        var result = await MhiAsync(temp.Path, Batch(uri, temp.File("out.csv")));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"error: {uri} does not exist (S3 error NoSuchKey).", result.Error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public async Task Batch_EmptyPrefix_ExitTwoNoCsvFiles()
    {
        using var temp = new TempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("batch-empty"), "in/");

        var result = await MhiAsync(temp.Path, Batch(uri, temp.File("out.csv")));

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            $"error: The folder {uri} has no .csv files to score.",
            result.Error.Trim().Split('\n')[^1]
        );
    }

    [Fact]
    public async Task Batch_MissingInputBucket_ExitTwoNamingTheBucket()
    {
        using var temp = new TempFolder();

        var result = await MhiAsync(
            temp.Path,
            Batch("s3://no-such-bucket-mhi/in.csv", temp.File("out.csv"))
        );

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "error: the bucket of s3://no-such-bucket-mhi/in.csv does not exist (S3 error NoSuchBucket).",
            result.Error.Trim()
        );
    }

    [Fact]
    public async Task Batch_WrongCredentials_ExitTwoAccessDenied()
    {
        using var temp = new TempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("batch-denied"), "in.csv");
        await UploadAsync(fixture.Data, uri);
        var environment = new Dictionary<string, string>(Environment)
        {
            ["AWS_ACCESS_KEY_ID"] = "WRONG",
            ["AWS_SECRET_ACCESS_KEY"] = "WRONG",
        };

        var result = await MhiProcess.RunAsync(
            environment,
            temp.Path,
            Batch(uri, temp.File("out.csv"))
        );

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"error: access to {uri} was denied (S3 error ", result.Error.Trim());
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Batch_RejectsNamingTheS3InputObject_ExitOneAsForALocalFileAndKeepsIt()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-rejects-input");
        var input = WriteInput(temp, "in.csv");
        await UploadAsync(input, Uri(prefix, "in.csv"));

        var result = await MhiAsync(
            temp.Path,
            Batch(Uri(prefix, "in.csv"), temp.File("out.csv"), "--rejects", Uri(prefix, "in.csv"))
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "error: The rejects file must not be the input file.\n",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.Equal(await File.ReadAllBytesAsync(input), await ReadAsync(Uri(prefix, "in.csv")));
        Assert.False(File.Exists(temp.File("out.csv")));
    }

    [Theory]
    [InlineData("-o")]
    [InlineData("--rejects")]
    public async Task Batch_OutputOrRejectsNamingAnObjectOfTheS3PrefixInput_ExitOneAndKeepsIt(
        string option
    )
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-prefix-own");
        var input = WriteInput(temp, "in.csv");
        await UploadAsync(input, Uri(prefix, "in/a.csv"));
        await UploadAsync(input, Uri(prefix, "in/b.csv"));
        string[] args =
            option == "-o"
                ? Batch(Uri(prefix, "in/"), Uri(prefix, "in/b.csv"))
                : Batch(
                    Uri(prefix, "in/"),
                    temp.File("out.csv"),
                    "--rejects",
                    Uri(prefix, "in/b.csv")
                );

        var result = await MhiAsync(temp.Path, args);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            $"error: The {(option == "-o" ? "output" : "rejects file")} must not be the input file (b.csv is a .csv object of the input prefix).\n",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.Equal(await File.ReadAllBytesAsync(input), await ReadAsync(Uri(prefix, "in/b.csv")));
    }

    [Fact]
    public async Task Batch_MalformedOutputUri_ExitOne()
    {
        using var temp = new TempFolder();

        var result = await MhiAsync(temp.Path, Batch(fixture.Data, "s3://Bad_Bucket/out.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("valid S3 bucket", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Batch_OutputBucketMissingThenCreated_ResumeUploadsWithoutRescoring()
    {
        using var temp = new TempFolder();
        var bucket = "mhi-late-" + Guid.NewGuid().ToString("N")[..12];
        var output = $"s3://{bucket}/out/scores.csv";
        var work = temp.File("work");
        var local = await MhiAsync(temp.Path, Batch(fixture.Data, temp.File("ref.csv")));
        Assert.True(local.ExitCode == 0, local.Error);

        var failed = await MhiAsync(temp.Path, Batch(fixture.Data, output, "--work-dir", work));

        Assert.Equal(2, failed.ExitCode);
        Assert.Contains(
            $"the bucket of s3://{bucket}/out/scores.rejects.csv does not exist",
            failed.Error,
            StringComparison.Ordinal
        );
        var checkpoint = Path.Combine(work, "s3", bucket, "out", "scores.csv.checkpoint.json");
        using (var state = JsonDocument.Parse(await File.ReadAllBytesAsync(checkpoint)))
        {
            Assert.True(state.RootElement.GetProperty("finished").GetBoolean());
        }

        await server.Connection.Client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        var resumed = await MhiAsync(
            temp.Path,
            Batch(fixture.Data, output, "--work-dir", work, "--resume", "--json")
        );

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        using var json = JsonDocument.Parse(resumed.Output);
        Assert.Equal(
            json.RootElement.GetProperty("rowsRead").GetInt64(),
            json.RootElement.GetProperty("resumedAfterRows").GetInt64()
        );
        Assert.Equal(await File.ReadAllBytesAsync(temp.File("ref.csv")), await ReadAsync(output));
        Assert.False(File.Exists(checkpoint));
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public async Task Batch_S3InputAndOutputKilledTwiceAndResumed_SameBytesAsTheLocalRun()
    {
        using var temp = new TempFolder();
        var prefix = S3rverFixture.UniquePrefix("batch-resume");
        var input = temp.File("big.csv");
        var generated = await CliHarness.RunAsync("data", "generate", "-n", "200000", "-o", input);
        Assert.Equal(0, generated.ExitCode);
        File.AppendAllText(
            input,
            "bad-1,abc,Female,IT,UK,No,None,No,Low,7,40,2\n=2,30,Female,IT,UK\n"
        );
        await UploadAsync(input, Uri(prefix, "in/big.csv"));
        var reference = await MhiAsync(
            temp.Path,
            Batch(input, temp.File("reference.csv"), "--chunk-rows", "2000")
        );
        Assert.True(reference.ExitCode == 0, reference.Error);
        var output = Uri(prefix, "out/scores.csv");
        var work = temp.File("work");
        string[] args = Batch(
            Uri(prefix, "in/big.csv"),
            output,
            "--chunk-rows",
            "2000",
            "--work-dir",
            work
        );
        var checkpoint = Path.Combine(
            work,
            "s3",
            S3rverFixture.Bucket,
            prefix,
            "out",
            "scores.csv.checkpoint.json"
        );

        var first = await S3ProcessKiller.KillAfterAsync(Environment, args, checkpoint, 6000);
        Assert.Empty(await ListAsync(Uri(prefix, "out")));
        var second = await S3ProcessKiller.KillAfterAsync(
            Environment,
            [.. args, "--resume"],
            checkpoint,
            first + 6000
        );
        Assert.True(second > first);
        Assert.Empty(await ListAsync(Uri(prefix, "out")));
        var last = await MhiAsync(temp.Path, [.. args, "--resume", "--json"]);

        Assert.True(last.ExitCode == 0, last.Error);
        using var json = JsonDocument.Parse(last.Output);
        Assert.True(json.RootElement.GetProperty("resumedAfterRows").GetInt64() >= second);
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("reference.csv")),
            await ReadAsync(output)
        );
        Assert.Equal(
            await File.ReadAllBytesAsync(temp.File("reference.rejects.csv")),
            await ReadAsync(Uri(prefix, "out/scores.rejects.csv"))
        );
        Assert.False(Directory.Exists(work));
        Assert.Equal(
            200_001,
            Encoding.UTF8.GetString(await ReadAsync(output)).Count(c => c == '\n')
        );
    }
}
