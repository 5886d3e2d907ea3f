using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.TestSupport;

/// <summary>Releases a test's own SQLite files, and no other test's.</summary>
internal static class SqliteFiles
{
    /// <summary>
    /// Closes the idle pooled connections this process holds to the SQLite file
    /// <paramref name="path"/>, or to every file under it when it is a folder, so that the files
    /// can be deleted (Windows refuses to delete an open file) or reopened from scratch.
    /// Test classes run in parallel: <c>SqliteConnection.ClearAllPools</c> would also close
    /// other tests' connections (banned in tests, see eng/BannedSymbols.Tests.txt).
    /// </summary>
    public static void Release(string path) => SqlitePools.Clear(path);
}
