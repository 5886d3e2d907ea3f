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

    /// <summary>
    /// An <see cref="AlertDelivery"/> from the current row: alert id, channel, delivered,
    /// attempts, error (nullable), Unix-millisecond time. Booleans read with
    /// <see cref="DbDataReader.GetBoolean"/>: PostgreSQL's boolean and SQLite's 0/1 integer alike.
    /// </summary>
    public static AlertDelivery ReadDelivery(DbDataReader reader) =>
        new(
            reader.GetString(0),
            new AlertDeliveryResult(
                reader.GetString(1),
                reader.GetBoolean(2),
                reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetString(4)
            ),
            FromMs(reader.GetInt64(5))
        );

    /// <summary>
    /// An <see cref="AlertRuleState"/> from the current row: rule name, breached, breached since
    /// (nullable), last alerted (nullable), last window end.
    /// </summary>
    public static AlertRuleState ReadRuleState(DbDataReader reader) =>
        new(
            reader.GetString(0),
            reader.GetBoolean(1),
            NullableFromMs(reader, 2),
            NullableFromMs(reader, 3),
            FromMs(reader.GetInt64(4))
        );

    private static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    private static DateTimeOffset? NullableFromMs(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : FromMs(reader.GetInt64(ordinal));
}
