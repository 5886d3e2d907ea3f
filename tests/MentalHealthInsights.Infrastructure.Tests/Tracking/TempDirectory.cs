namespace MentalHealthInsights.Infrastructure.Tests.Tracking;

/// <summary>A fresh folder under the system temp folder, deleted (with its SQLite files) on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "mhi-tracking-tests",
            Guid.NewGuid().ToString("N")
        );
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        // Pooled connections keep the database open; release this folder's (only) before deleting.
        SqliteFiles.Release(Path);
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
