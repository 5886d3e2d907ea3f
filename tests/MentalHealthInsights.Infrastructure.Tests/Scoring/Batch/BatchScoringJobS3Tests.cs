using MentalHealthInsights.Infrastructure.Scoring.Batch;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tests.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.Batch;

/// <summary>The batch job with s3:// inputs and outputs against s3rver, in process.</summary>
[Collection(S3rverGroup.Name)]
public sealed class BatchScoringJobS3Tests(S3rverFixture server, BatchTestModel model)
    : IClassFixture<BatchTestModel>
{
    private static readonly string[] BadLines =
    [
        "b1,abc,Female,IT,UK,No,None,No,Low,7,40,2",
        "b3,30,Female,IT,UK",
    ];

    private static string Uri(string prefix, string key) =>
        $"s3://{S3rverFixture.Bucket}/{prefix}/{key}";

    private StorageLocation Location(string uri) => StorageLocation.Parse(uri, server.Connection);

    private byte[] Read(string uri)
    {
        using var input = Location(uri).OpenReadAsync().GetAwaiter().GetResult();
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }

    private bool Exists(string uri) => Location(uri).ExistsAsync().GetAwaiter().GetResult();

    private BatchScoringOptions Options(string input, string output, string work) =>
        new()
        {
            Input = input,
            Output = output,
            PseudonymisationKey = BatchTestModel.Key,
            ScoredAt = BatchTestModel.ScoredAt,
            ChunkRows = 7,
            Parallelism = 2,
            WorkDirectory = work,
            S3 = server.Connection,
        };

    [Fact]
    public async Task Run_S3InputAndOutput_SameBytesAsLocalAndWorkFolderRemoved()
    {
        using var temp = new BatchTempFolder();
        var prefix = S3rverFixture.UniquePrefix("job");
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(120, seed: 8), BadLines);
        await StorageTransfer.UploadAsync(input, Location(Uri(prefix, "in.csv")));
        var local = model.Job().Run(Options(input, temp.File("local.csv"), temp.File("work")));

        var remote = model
            .Job()
            .Run(Options(Uri(prefix, "in.csv"), Uri(prefix, "out/o.csv"), temp.File("work")));

        Assert.True(remote.Completed, remote.FatalError);
        Assert.Equal(Uri(prefix, "out/o.csv"), remote.OutputPath);
        Assert.Equal(Uri(prefix, "out/o.rejects.csv"), remote.RejectsPath);
        Assert.Equal([Uri(prefix, "in.csv")], remote.InputFiles);
        Assert.Equal(File.ReadAllBytes(local.OutputPath), Read(remote.OutputPath));
        Assert.Equal(File.ReadAllBytes(local.RejectsPath), Read(remote.RejectsPath));
        Assert.Equal(local.RowsScored, remote.RowsScored);
        Assert.False(Directory.Exists(temp.File("work")));
    }

    [Fact]
    public async Task Run_S3OutputCancelledThenResumed_NothingVisibleUntilDoneThenSameBytes()
    {
        using var temp = new BatchTempFolder();
        var prefix = S3rverFixture.UniquePrefix("job-resume");
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(500, seed: 4), BadLines);
        await StorageTransfer.UploadAsync(input, Location(Uri(prefix, "in.csv")));
        var reference = model.Job().Run(Options(input, temp.File("ref.csv"), temp.File("work")));
        var options = Options(Uri(prefix, "in.csv"), Uri(prefix, "out/o.csv"), temp.File("work"));

        BatchInterruption.RunUntilReport(model.Job(), options, 5);
        var work = Path.Combine(temp.File("work"), "s3", S3rverFixture.Bucket, prefix, "out");
        Assert.True(File.Exists(Path.Combine(work, "o.csv.checkpoint.json")));
        Assert.True(File.Exists(Path.Combine(work, "o.csv.partial")));
        Assert.False(Exists(Uri(prefix, "out/o.csv")));
        Assert.False(Exists(Uri(prefix, "out/o.rejects.csv")));

        var resumed = model.Job().Run(options with { Resume = true });

        Assert.True(resumed.ResumedAfterRows > 0);
        Assert.Equal(File.ReadAllBytes(reference.OutputPath), Read(resumed.OutputPath));
        Assert.Equal(File.ReadAllBytes(reference.RejectsPath), Read(resumed.RejectsPath));
        Assert.False(Directory.Exists(temp.File("work")));
    }

    [Fact]
    public async Task Run_InputObjectReplacedBeforeResume_CheckpointRefused()
    {
        using var temp = new BatchTempFolder();
        var prefix = S3rverFixture.UniquePrefix("job-replaced");
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(300, seed: 6));
        await StorageTransfer.UploadAsync(input, Location(Uri(prefix, "in.csv")));
        var options = Options(Uri(prefix, "in.csv"), temp.File("out.csv"), temp.File("work"));
        BatchInterruption.RunUntilReport(model.Job(), options, 1);
        // Same size, other content: only the ETag tells them apart.
        var bytes = File.ReadAllBytes(input);
        var swapped = Array.LastIndexOf(bytes, (byte)'1');
        bytes[swapped] = (byte)'2';
        File.WriteAllBytes(input, bytes);
        await StorageTransfer.UploadAsync(input, Location(Uri(prefix, "in.csv")));

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Job().Run(options with { Resume = true })
        );

        Assert.Contains("belongs to another job", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingInputKey_FileNotFoundNamingTheKey()
    {
        using var temp = new BatchTempFolder();
        var uri = Uri(S3rverFixture.UniquePrefix("job-missing"), "none.csv");

        var error = Assert.Throws<FileNotFoundException>(() =>
            model.Job().Run(Options(uri, temp.File("out.csv"), temp.File("work")))
        );

        Assert.Equal($"{uri} does not exist (S3 error NoSuchKey).", error.Message);
        Assert.False(File.Exists(temp.File("out.csv.checkpoint.json")));
    }

    [Fact]
    public void Run_OutputKeyIsAFolder_ArgumentException()
    {
        using var temp = new BatchTempFolder();
        var input = temp.WriteInput("in.csv", BatchTestModel.Records(10, seed: 1));

        var error = Assert.Throws<ArgumentException>(() =>
            model
                .Job()
                .Run(
                    Options(input, $"s3://{S3rverFixture.Bucket}/out/", temp.File("work")) with
                    {
                        Rejects = temp.File("r.csv"),
                    }
                )
        );

        Assert.Contains("must name an object", error.Message, StringComparison.Ordinal);
    }
}
