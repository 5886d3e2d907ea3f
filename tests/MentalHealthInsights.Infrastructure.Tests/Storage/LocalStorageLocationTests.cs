using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

public sealed class LocalStorageLocationTests : IDisposable
{
    private readonly string _root = Directory
        .CreateDirectory(
            Path.Combine(Path.GetTempPath(), "mhi-storage-" + Guid.NewGuid().ToString("N"))
        )
        .FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task OpenWrite_Committed_FileHasContent()
    {
        var location = StorageLocation.Parse(Path.Combine(_root, "sub", "a.csv"));

        await using (var output = location.OpenWrite())
        {
            await output.WriteAsync(new byte[] { 1, 2, 3 });
            await output.CommitAsync();
        }

        Assert.True(location.IsLocal);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(location.Uri));
    }

    [Fact]
    public async Task OpenWrite_NotCommitted_NoFileAndNoTemporaryLeft()
    {
        var location = StorageLocation.Parse(Path.Combine(_root, "a.csv"));

        await using (var output = location.OpenWrite())
        {
            await output.WriteAsync(new byte[] { 1 });
        }

        Assert.False(await location.ExistsAsync());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }

    [Fact]
    public async Task OpenRead_Missing_FileNotFound()
    {
        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            StorageLocation.Parse(Path.Combine(_root, "none.csv")).OpenReadAsync()
        );
    }

    [Fact]
    public async Task ListAsync_Folder_FilesRecursivelySortedWithoutTemporaries()
    {
        Directory.CreateDirectory(Path.Combine(_root, "d", "sub"));
        await File.WriteAllBytesAsync(Path.Combine(_root, "d", "b.csv"), [1, 2]);
        await File.WriteAllBytesAsync(Path.Combine(_root, "d", "sub", "a.csv"), [1]);
        await File.WriteAllBytesAsync(Path.Combine(_root, "d", ".b.csv.123.tmp"), [1]);

        var listed = new List<StorageObject>();
        await foreach (var item in StorageLocation.Parse(Path.Combine(_root, "d")).ListAsync())
        {
            listed.Add(item);
        }

        Assert.Equal(["b.csv", "sub/a.csv"], listed.Select(o => o.RelativePath));
        Assert.Equal([2L, 1L], listed.Select(o => o.Size));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    public void Child_UnsafePath_ArgumentException(string relative)
    {
        Assert.Throws<ArgumentException>(() => StorageLocation.Parse(_root).Child(relative));
    }
}
