using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>Loading a dataset from an S3 object in one streamed pass, against s3rver.</summary>
[Collection(S3rverGroup.Name)]
public sealed class StorageDatasetLoaderTests(S3rverFixture server) : IDisposable
{
    private const string Csv =
        "User_ID,Age,Gender,Occupation,Country,Mental_Health_Condition,Severity,Consultation_History,Stress_Level,Sleep_Hours,Work_Hours,Physical_Activity_Hours\n"
        + "1,30,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
        + "2,abc,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
        + "3,31,Female,IT,USA,No,None,No,Low,7,38,3\n";

    private readonly string _local = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-loader-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    public void Dispose() => Directory.Delete(_local, recursive: true);

    private async Task<StorageLocation> PutAsync(string text)
    {
        var location = StorageLocation.Parse(
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("loader")}/data.csv",
            server.Connection
        );
        await using var output = location.OpenWrite();
        await output.WriteAsync(Encoding.UTF8.GetBytes(text));
        await output.CommitAsync();
        return location;
    }

    [Fact]
    public async Task Load_S3Object_SameRecordsAndRejectsAsTheLocalFile()
    {
        var remote = await PutAsync(Csv);
        var file = Path.Combine(_local, "data.csv");
        await File.WriteAllTextAsync(file, Csv);
        var reports = new List<double>();

        var fromS3 = StorageDatasetLoader.Load(
            remote,
            rejectsPath: Path.Combine(_local, "s3-rejects.csv"),
            progress: new ListProgress(reports)
        );
        var fromFile = DatasetLoader.Load(file, rejectsPath: Path.Combine(_local, "rejects.csv"));

        Assert.Equal(2, fromS3.Records.Count);
        Assert.Equal(fromFile.Records, fromS3.Records);
        Assert.Equal(fromFile.Report.RowsRejected, fromS3.Report.RowsRejected);
        Assert.Equal(
            await File.ReadAllBytesAsync(Path.Combine(_local, "rejects.csv")),
            await File.ReadAllBytesAsync(Path.Combine(_local, "s3-rejects.csv"))
        );
        Assert.Equal(1.0, reports[^1]);
    }

    [Fact]
    public async Task Load_S3ObjectAndLocalFile_BothCarryTheSha256OfTheirBytes()
    {
        var remote = await PutAsync(Csv);
        var file = Path.Combine(_local, "data.csv");
        await File.WriteAllTextAsync(file, Csv);
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Csv)));

        var fromS3 = StorageDatasetLoader.LoadWithSha256(remote);
        var fromFile = StorageDatasetLoader.LoadWithSha256(StorageLocation.Parse(file));

        Assert.Equal(expected, fromS3.DataSha256);
        Assert.Equal(expected, fromFile.DataSha256);
    }

    [Fact]
    public async Task Load_LargerS3Object_ReportsProgressBeforeTheEnd()
    {
        var csv = new StringBuilder(Csv[..(Csv.IndexOf('\n', StringComparison.Ordinal) + 1)]);
        for (var i = 0; i < 20_000; i++)
        {
            csv.Append(
                CultureInfo.InvariantCulture,
                $"{i},30,Male,IT,USA,Yes,Low,No,High,6.5,40,2\n"
            );
        }
        var remote = await PutAsync(csv.ToString());
        var reports = new List<double>();

        // Through the hashing pass-through, which must keep the S3 stream's length known.
        var loaded = StorageDatasetLoader.LoadWithSha256(
            remote,
            progress: new ListProgress(reports)
        );

        Assert.Equal(20_000, loaded.Records.Count);
        Assert.Contains(reports, r => r is > 0 and < 1);
        Assert.Equal(1.0, reports[^1]);
    }

    [Fact]
    public void Load_MissingKey_FileNotFoundAndNoRejectsFile()
    {
        var missing = StorageLocation.Parse(
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("loader")}/none.csv",
            server.Connection
        );

        var error = Assert.Throws<FileNotFoundException>(() =>
            StorageDatasetLoader.Load(missing, rejectsPath: Path.Combine(_local, "r.csv"))
        );

        Assert.Contains("NoSuchKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_local));
    }

    [Fact]
    public async Task Load_Cancelled_NoRejectsFileLeft()
    {
        var remote = await PutAsync(Csv);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            StorageDatasetLoader.Load(
                remote,
                rejectsPath: Path.Combine(_local, "r.csv"),
                ct: cancelled.Token
            )
        );

        Assert.Empty(Directory.EnumerateFileSystemEntries(_local));
    }

    [Fact]
    public async Task Stat_S3ObjectAndMissingKey_SizeAndETagOrNull()
    {
        var remote = await PutAsync(Csv);

        var found = await remote.StatAsync();
        var missing = await StorageLocation
            .Parse(remote.Uri + ".missing", server.Connection)
            .StatAsync();

        Assert.NotNull(found);
        Assert.Equal(Encoding.UTF8.GetByteCount(Csv), found.Size);
        Assert.False(string.IsNullOrEmpty(found.ETag));
        Assert.NotNull(found.LastModified);
        Assert.Null(missing);
    }

    [Fact]
    public async Task Stat_LocalFileAndMissingFile_SizeWithoutETagOrNull()
    {
        var file = Path.Combine(_local, "data.csv");
        await File.WriteAllTextAsync(file, Csv);

        var found = await StorageLocation.Parse(file).StatAsync();
        var missing = await StorageLocation.Parse(file + ".missing").StatAsync();

        Assert.NotNull(found);
        Assert.Equal(new FileInfo(file).Length, found.Size);
        Assert.Null(found.ETag);
        Assert.Equal(File.GetLastWriteTimeUtc(file), found.LastModified!.Value.UtcDateTime);
        Assert.Null(missing);
    }

    private sealed class ListProgress(List<double> reports) : IProgress<double>
    {
        public void Report(double value) => reports.Add(value);
    }
}
