namespace MentalHealthInsights.Infrastructure.Tracking.Sqlite;

/// <summary>An attribute column: its SQL expression and whether it compares as a number.</summary>
internal sealed record SearchableColumn(string Sql, bool IsNumeric);
