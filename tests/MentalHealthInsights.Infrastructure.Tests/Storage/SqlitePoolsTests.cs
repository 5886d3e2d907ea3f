using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Storage;
using MentalHealthInsights.Infrastructure.Tests.Tracking;

namespace MentalHealthInsights.Infrastructure.Tests.Storage;

/// <summary>
/// SqlitePools.Clear closes the pooled connections of the files it is given and of no other. A
/// file's WAL shows it: SQLite deletes it when the file's last connection closes, and an idle
/// pooled connection keeps it.
/// </summary>
public sealed class SqlitePoolsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Clear_Folder_ClosesTheConnectionsOfFilesUnderItOnly()
    {
        var inside = await WrittenLogAsync(_directory.Combine("cleared", "sub", "log.db"));
        var sibling = await WrittenLogAsync(_directory.Combine("cleared-not", "log.db"));

        SqlitePools.Clear(_directory.Combine("cleared"));

        Assert.False(File.Exists(inside + "-wal"));
        Assert.True(File.Exists(sibling + "-wal"));
    }

    [Fact]
    public async Task Clear_File_ClosesThatFilesConnectionsOnly()
    {
        var cleared = await WrittenLogAsync(_directory.Combine("log.db"));
        var other = await WrittenLogAsync(_directory.Combine("log.db.other"));

        SqlitePools.Clear(cleared);

        Assert.False(File.Exists(cleared + "-wal"));
        Assert.True(File.Exists(other + "-wal"));
    }

    /// <summary>A prediction log (WAL mode, pooled) at <paramref name="path"/> with one entry.</summary>
    private static async Task<string> WrittenLogAsync(string path)
    {
        var store = new SqlitePredictionLogStore(path);
        await store.AppendAsync([PredictionLogEntries.Minimal("s", T0)], CancellationToken.None);
        Assert.True(File.Exists(path + "-wal"));
        return path;
    }
}
