using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Storage;

/// <summary>
/// Tells whether an existing file is a SQLite database holding a given table, without creating
/// the file, a folder or a table: read-only commands use it to refuse a wrong file (the
/// tracking database given as the monitoring store) instead of adding their schema to it.
/// </summary>
public static class SqliteSchemaProbe
{
    /// <summary>True when <paramref name="path"/> is a SQLite database with table <paramref name="table"/>.</summary>
    public static bool HasTable(string path, string table)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(table);
        if (!File.Exists(path))
        {
            return false;
        }
        try
        {
            // ReadWrite without Create: a missing file is an error, and a SELECT writes nothing.
            using var connection = new SqliteConnection(
                new SqliteConnectionStringBuilder
                {
                    DataSource = path,
                    Mode = SqliteOpenMode.ReadWrite,
                    Pooling = false,
                }.ToString()
            );
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name";
            command.Parameters.AddWithValue("$name", table);
            return command.ExecuteScalar() is not null;
        }
        catch (SqliteException)
        {
            // Not a database (or unreadable): not the store.
            return false;
        }
    }
}
