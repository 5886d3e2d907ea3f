using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>Folder uploads and downloads between the local disk and s3rver.</summary>
[Collection(S3rverGroup.Name)]
public sealed class StorageTransferTests(S3rverFixture server) : IDisposable
{
    private readonly string _local = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-transfer-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    public void Dispose() => Directory.Delete(_local, recursive: true);

    [Fact]
    public async Task UploadDirectoryThenDownload_Tree_RoundTripsEveryFile()
    {
        var files = new Dictionary<string, byte[]>
        {
            ["eda.html"] = [1, 2, 3],
            ["plots/age.png"] = [4, 5],
            ["plots/deep/x.svg"] = [6],
        };
        foreach (var (relative, content) in files)
        {
            var path = Path.Combine(_local, "out", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
        }
        var target = StorageLocation.Parse(
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("tree")}/eda",
            server.Connection
        );

        var uploaded = await StorageTransfer.UploadDirectoryAsync(
            Path.Combine(_local, "out"),
            target
        );

        Assert.Equal(3, uploaded);
        foreach (var (relative, content) in files)
        {
            var local = Path.Combine(_local, "back", relative);
            await StorageTransfer.DownloadAsync(target.Child(relative), local);
            Assert.Equal(content, await File.ReadAllBytesAsync(local));
        }
    }

    [Fact]
    public async Task DownloadAsync_MissingObject_FileNotFoundAndNoLocalFile()
    {
        var local = Path.Combine(_local, "missing.csv");
        var source = StorageLocation.Parse(
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("gone")}/x.csv",
            server.Connection
        );

        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            StorageTransfer.DownloadAsync(source, local)
        );

        Assert.Empty(Directory.EnumerateFileSystemEntries(_local));
    }
}
