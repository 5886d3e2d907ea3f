using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>SQL text plus its parameters: every value from a caller becomes a parameter, never text.</summary>
internal sealed class SqlBuilder
{
    private readonly StringBuilder _sql = new();
    private readonly List<(string Name, object Value)> _parameters = [];

    /// <summary>Appends SQL text (only constant text and identifiers chosen from a fixed list).</summary>
    public SqlBuilder Append(string sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>Appends one character of SQL text.</summary>
    public SqlBuilder Append(char sql)
    {
        _sql.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object? value)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"$p{_parameters.Count}");
        _parameters.Add((name, value ?? DBNull.Value));
        return name;
    }

    /// <summary>Appends a parameter's placeholder.</summary>
    public SqlBuilder AppendParameter(object? value) => Append(Parameter(value));

    /// <summary>A command for the connection and transaction with this text and these parameters.</summary>
    public SqliteCommand ToCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = _sql.ToString();
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    public override string ToString() => _sql.ToString();
}
