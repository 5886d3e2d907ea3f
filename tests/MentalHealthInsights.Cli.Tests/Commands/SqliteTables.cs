using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>A SQLite file with given tables, and the tables a file holds: for "nothing written" checks.</summary>
internal static class SqliteTables
{
    public static void Create(string path, params string[] tables)
    {
        using (var connection = Open(path))
        {
            foreach (var table in tables)
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"CREATE TABLE {table} (id INTEGER PRIMARY KEY)";
                command.ExecuteNonQuery();
            }
        }
    }

    public static List<string> List(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()
        );
        connection.Open();
        return connection;
    }
}
