using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// The pooled SQLite connection strings this process built, by file, so that the pools of some
/// files can be cleared without touching the others'. Microsoft.Data.Sqlite keys its pools by
/// the exact connection string, and its only other way out, <see cref="SqliteConnection.ClearAllPools"/>,
/// closes every idle pooled connection of the process, other stores' included (closing a file's
/// last connection makes SQLite checkpoint and restart its WAL).
/// </summary>
public static class SqlitePools
{
    // Connection string → full path of its file. A process builds a handful (one per store file
    // and options); nothing is removed, so a store still in use stays clearable.
    private static readonly ConcurrentDictionary<string, string> s_pooled = new(
        StringComparer.Ordinal
    );

    /// <summary>
    /// The connection string of <paramref name="builder"/>, remembered (when pooled) for
    /// <see cref="Clear"/>. Every pooled SQLite connection string of the product goes through here.
    /// </summary>
    public static string ConnectionString(SqliteConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var text = builder.ToString();
        if (builder.Pooling && !string.IsNullOrEmpty(builder.DataSource))
        {
            s_pooled.TryAdd(text, Path.GetFullPath(builder.DataSource));
        }
        return text;
    }

    /// <summary>
    /// Closes the idle pooled connections to the SQLite file <paramref name="path"/>, or to every
    /// file under it when it is a folder (connections in use close when they are returned). The
    /// pools of other files are left alone.
    /// </summary>
    public static void Clear(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var folder = Path.EndsInDirectorySeparator(target)
            ? target
            : target + Path.DirectorySeparatorChar;
        foreach (var (connectionString, file) in s_pooled)
        {
            if (
                string.Equals(file, target, StringComparison.Ordinal)
                || file.StartsWith(folder, StringComparison.Ordinal)
            )
            {
                using var connection = new SqliteConnection(connectionString);
                SqliteConnection.ClearPool(connection);
            }
        }
    }
}
