using System.Data.Common;
using MentalHealthInsights.Core.Monitoring.Alerts;

namespace MentalHealthInsights.Infrastructure.Monitoring.Store;

/// <summary>
/// Row mappings shared by the SQLite and PostgreSQL monitoring stores, which select the same
/// columns in the same order (their <c>AlertColumns</c>).
/// </summary>
internal static class MonitoringStoreRows
{
    /// <summary>
    /// An <see cref="AlertRecord"/> from the current row: id, run, rule, metric, subject, value,
    /// threshold, severity, status, message, then four Unix-millisecond times.
    /// </summary>
    public static AlertRecord ReadAlert(DbDataReader reader)
    {
        // Written by these stores; an unknown spelling (a newer build) reads as warning.
        var severity = AlertPolicy.TryParseSeverity(reader.GetString(7), out var parsed)
            ? parsed
            : AlertSeverity.Warning;
        return new AlertRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetDouble(5),
            reader.GetDouble(6),
            severity,
            reader.GetString(8) == AlertPolicy.StatusName(AlertStatus.Fired)
                ? AlertStatus.Fired
                : AlertStatus.Suppressed,
            reader.GetString(9),
            FromMs(reader.GetInt64(10)),
            FromMs(reader.GetInt64(11)),
            FromMs(reader.GetInt64(12)),
            FromMs(reader.GetInt64(13))
        );
    }

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
