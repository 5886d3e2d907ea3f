using MentalHealthInsights.Core.Artifacts;
using MentalHealthInsights.Core.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Contracts;

/// <summary>
/// The behaviour every <see cref="IArtifactStore"/> adapter must show: byte-exact round trips,
/// nested paths, listing, downloading trees, and rejection of unsafe paths. An adapter's test
/// class supplies the store and a fresh run artifact URI per test.
/// </summary>
public abstract class ArtifactStoreContractTests : IDisposable
{
    private IArtifactStore? _store;

    protected ArtifactStoreContractTests()
    {
        Local = new TempDirectory();
    }

    /// <summary>A scratch folder for local input and download files.</summary>
    internal TempDirectory Local { get; }

    protected IArtifactStore Store => _store ??= CreateStore();

    /// <summary>Creates the store under test.</summary>
    protected abstract IArtifactStore CreateStore();

    /// <summary>The artifact root URI of a new, empty run.</summary>
    protected abstract Task<string> CreateRunArtifactUriAsync();

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Local.Dispose();
        }
    }

    private string WriteLocal(string relative, byte[] content)
    {
        var path = Local.Combine("in", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static async Task AssertInvalidPathAsync(Func<Task> action)
    {
        var error = await Assert.ThrowsAsync<TrackingException>(action);
        Assert.Equal(TrackingErrorCode.InvalidParameterValue, error.ErrorCode);
    }

    [Fact]
    public async Task LogArtifact_BinaryFile_DownloadsIdenticalBytes()
    {
        var uri = await CreateRunArtifactUriAsync();
        var content = Bytes(200_000, seed: 7);
        var file = WriteLocal("model.bin", content);

        await Store.LogArtifactAsync(uri, file, "model");
        var downloaded = await Store.DownloadArtifactsAsync(
            uri,
            "model/model.bin",
            Local.Combine("out")
        );

        Assert.Equal(content, await File.ReadAllBytesAsync(downloaded));
        Assert.Equal(Local.Combine("out", "model", "model.bin"), downloaded);
    }

    [Fact]
    public async Task LogArtifact_NestedPath_ListShowsDirectoriesAndSizes()
    {
        var uri = await CreateRunArtifactUriAsync();
        await Store.LogArtifactAsync(uri, WriteLocal("roc.png", Bytes(1234, 1)), "plots/test");
        await Store.LogArtifactAsync(uri, WriteLocal("report.html", Bytes(10, 2)));

        var root = await Store.ListArtifactsAsync(uri);
        var plots = await Store.ListArtifactsAsync(uri, "plots");
        var test = await Store.ListArtifactsAsync(uri, "plots/test");

        Assert.Equal(
            [new ArtifactEntry("plots", true, null), new ArtifactEntry("report.html", false, 10)],
            root
        );
        Assert.Equal([new ArtifactEntry("plots/test", true, null)], plots);
        Assert.Equal([new ArtifactEntry("plots/test/roc.png", false, 1234)], test);
    }

    [Fact]
    public async Task LogArtifacts_DirectoryTree_RoundTripsEveryFile()
    {
        var uri = await CreateRunArtifactUriAsync();
        var files = new Dictionary<string, byte[]>
        {
            ["MLmodel"] = Bytes(100, 3),
            ["model.bin"] = Bytes(50_000, 4),
            ["data/schema.json"] = Bytes(300, 5),
            ["data/nested/deeper/x.bin"] = Bytes(1, 6),
        };
        foreach (var (relative, content) in files)
        {
            WriteLocal(Path.Combine("bundle", relative), content);
        }

        await Store.LogArtifactsAsync(uri, Local.Combine("in", "bundle"), "model");
        var downloaded = await Store.DownloadArtifactsAsync(uri, "model", Local.Combine("out"));

        Assert.Equal(Local.Combine("out", "model"), downloaded);
        foreach (var (relative, content) in files)
        {
            Assert.Equal(content, await File.ReadAllBytesAsync(Path.Combine(downloaded, relative)));
        }
        Assert.Equal(
            ["model/MLmodel", "model/data", "model/model.bin"],
            (await Store.ListArtifactsAsync(uri, "model")).Select(e => e.Path)
        );
    }

    [Fact]
    public async Task DownloadArtifacts_WholeRoot_CopiesEverything()
    {
        var uri = await CreateRunArtifactUriAsync();
        await Store.LogArtifactAsync(uri, WriteLocal("a.txt", [1, 2, 3]));
        await Store.LogArtifactAsync(uri, WriteLocal("b.txt", [4]), "sub");

        var downloaded = await Store.DownloadArtifactsAsync(uri, null, Local.Combine("all"));

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(downloaded, "a.txt")));
        Assert.Equal([4], await File.ReadAllBytesAsync(Path.Combine(downloaded, "sub", "b.txt")));
    }

    [Fact]
    public async Task LogArtifact_SamePathTwice_SecondContentWins()
    {
        var uri = await CreateRunArtifactUriAsync();
        await Store.LogArtifactAsync(uri, WriteLocal("one/report.txt", [1, 1, 1]));

        await Store.LogArtifactAsync(uri, WriteLocal("two/report.txt", [2]));

        var downloaded = await Store.DownloadArtifactsAsync(
            uri,
            "report.txt",
            Local.Combine("out")
        );
        Assert.Equal([2], await File.ReadAllBytesAsync(downloaded));
        Assert.Equal(
            [new ArtifactEntry("report.txt", false, 1)],
            await Store.ListArtifactsAsync(uri)
        );
    }

    [Fact]
    public async Task ListArtifacts_MissingPath_Empty()
    {
        var uri = await CreateRunArtifactUriAsync();

        Assert.Empty(await Store.ListArtifactsAsync(uri, "nothing/here"));
    }

    [Fact]
    public async Task DownloadArtifacts_MissingPath_ResourceDoesNotExist()
    {
        var uri = await CreateRunArtifactUriAsync();

        var error = await Assert.ThrowsAsync<TrackingException>(() =>
            Store.DownloadArtifactsAsync(uri, "missing.bin", Local.Combine("out"))
        );

        Assert.Equal(TrackingErrorCode.ResourceDoesNotExist, error.ErrorCode);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../outside")]
    [InlineData("model/../../outside")]
    [InlineData("/etc")]
    [InlineData("C:/windows")]
    [InlineData("model\\sub")]
    [InlineData("a//b")]
    public async Task LogArtifact_UnsafeArtifactPath_InvalidParameterValueAndNothingWritten(
        string path
    )
    {
        var uri = await CreateRunArtifactUriAsync();
        var file = WriteLocal("x.txt", [1]);

        await AssertInvalidPathAsync(() => Store.LogArtifactAsync(uri, file, path));

        Assert.Empty(await Store.ListArtifactsAsync(uri));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/")]
    [InlineData("a/../..")]
    public async Task ListAndDownload_UnsafePath_InvalidParameterValue(string path)
    {
        var uri = await CreateRunArtifactUriAsync();

        await AssertInvalidPathAsync(() => Store.ListArtifactsAsync(uri, path));
        await AssertInvalidPathAsync(() =>
            Store.DownloadArtifactsAsync(uri, path, Local.Combine("out"))
        );
    }
}
