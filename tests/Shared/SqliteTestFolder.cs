namespace MentalHealthInsights.TestSupport;

/// <summary>Removes a test's folder of SQLite stores (run store, Quartz job store) after the test.</summary>
internal static class SqliteTestFolder
{
    /// <summary>
    /// Closes the pooled SQLite connections to the files in <paramref name="folder"/> (only
    /// those: see <see cref="SqliteFiles"/>) and deletes the folder (if present). A file can
    /// still appear in it just after a scheduler stopped (CI saw "Directory not empty" once,
    /// after the test itself had passed; likely a Quartz thread finishing a last job-store
    /// write), so the deletion is retried for up to two seconds instead of failing the test.
    /// </summary>
    public static void Delete(string folder)
    {
        SqliteFiles.Release(folder);
        for (var attempt = 1; Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException) when (attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }
}
