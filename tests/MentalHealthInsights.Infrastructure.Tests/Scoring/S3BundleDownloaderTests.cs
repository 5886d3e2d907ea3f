using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tests.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Tests.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring;

/// <summary>Bundles kept in S3 (a real s3rver) load through the usual verified reader.</summary>
[Collection(S3rverGroup.Name)]
public sealed class S3BundleDownloaderTests(S3rverFixture server, BundleModelsFixture models)
    : IClassFixture<BundleModelsFixture>
{
    [Fact]
    public async Task DownloadAsync_ArchiveObject_LoadsTheSameVerifiedBundle()
    {
        using var temp = new TempFolder();
        var written = Write(temp, BundleModelsFixture.Xgb);
        var uri =
            $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("models")}/champion.mhib";
        await StorageTransfer.UploadAsync(
            written.ArchivePath!,
            StorageLocation.Parse(uri, server.Connection)
        );

        var local = await S3BundleDownloader.DownloadAsync(
            uri,
            temp.Combine("cache"),
            server.Connection
        );

        using var bundle = ModelBundleReader.Load(local);
        using var original = ModelBundleReader.Load(written.ArchivePath!);
        Assert.Equal(original.Sha256, bundle.Sha256);
        Assert.Equal(original.Metadata, bundle.Metadata);
    }

    [Fact]
    public async Task DownloadAsync_BundleFolderPrefix_LoadsTheSameVerifiedBundle()
    {
        using var temp = new TempFolder();
        var written = Write(temp, BundleModelsFixture.Lr);
        var uri = $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("models")}/lr";
        await StorageTransfer.UploadDirectoryAsync(
            written.Folder!,
            StorageLocation.Parse(uri, server.Connection)
        );

        var local = await S3BundleDownloader.DownloadAsync(
            uri,
            temp.Combine("cache"),
            server.Connection
        );

        using var bundle = ModelBundleReader.Load(local);
        using var original = ModelBundleReader.Load(written.Folder!);
        Assert.Equal(original.Sha256, bundle.Sha256);
    }

    [Fact]
    public async Task DownloadAsync_SameReferenceTwice_ReplacesTheCachedCopy()
    {
        using var temp = new TempFolder();
        var written = Write(temp, BundleModelsFixture.Lr);
        var uri = $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("models")}/lr.mhib";
        await StorageTransfer.UploadAsync(
            written.ArchivePath!,
            StorageLocation.Parse(uri, server.Connection)
        );
        var cache = temp.Combine("cache");

        var first = await S3BundleDownloader.DownloadAsync(uri, cache, server.Connection);
        var second = await S3BundleDownloader.DownloadAsync(uri, cache, server.Connection);

        Assert.Equal(first, second);
        Assert.Single(Directory.GetDirectories(cache));
        using var bundle = ModelBundleReader.Load(second);
        using var original = ModelBundleReader.Load(written.ArchivePath!);
        Assert.Equal(original.Sha256, bundle.Sha256);
    }

    [Fact]
    public async Task DownloadAsync_NothingUnderThePrefix_FileNotFoundNamingTheUri()
    {
        using var temp = new TempFolder();
        var uri = $"s3://{S3rverFixture.Bucket}/{S3rverFixture.UniquePrefix("none")}/lr";

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            S3BundleDownloader.DownloadAsync(uri, temp.Combine("cache"), server.Connection)
        );

        Assert.Contains(uri, error.Message, StringComparison.Ordinal);
    }

    private ModelBundleLocation Write(TempFolder temp, string kind)
    {
        var model = models.Model(kind);
        return ModelBundleWriter.Write(
            temp.Combine("bundle"),
            models.Metadata(model),
            models.Preprocessor,
            model
        );
    }
}
