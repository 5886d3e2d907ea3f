using System.Globalization;

namespace MentalHealthInsights.Core.Monitoring;

/// <summary>
/// Durations people give for monitoring periods and windows: a positive whole number and a unit,
/// <c>7d</c>, <c>24h</c>, <c>90m</c>, at most <see cref="MaxDays"/> days. The one reading for the
/// CLI options (<c>mhi monitor --last/--window</c>) and the pipeline parameter <c>last</c>.
/// </summary>
public static class MonitoringDuration
{
    /// <summary>The longest duration, in days: 36,500 (100 years; also 876000h or 52560000m).</summary>
    public const int MaxDays = 36_500;

    /// <summary>The form, for messages: "7d, 24h or 90m".</summary>
    public const string Examples = "7d, 24h or 90m";

    private static readonly TimeSpan Max = TimeSpan.FromDays(MaxDays);

    /// <summary>
    /// Parses <paramref name="text"/>; false with <paramref name="error"/> (a sentence to put
    /// after the option's name) when it is not of the form or longer than <see cref="MaxDays"/>
    /// days. Never throws, whatever the number.
    /// </summary>
    public static bool TryParse(string? text, out TimeSpan value, out string? error)
    {
        value = default;
        if (
            text is not { Length: >= 2 }
            || !long.TryParse(
                text.AsSpan(0, text.Length - 1),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out var count
            )
            || count < 1
            || UnitTicks(text[^1]) is not { } unit
        )
        {
            error = $"must look like {Examples}";
            return false;
        }

        // Compared before multiplying, so no count overflows (TimeSpan stops at ≈ 29,000 years).
        if (count > Max.Ticks / unit)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"must be at most {MaxDays}d ({MaxDays / 365} years)"
            );
            return false;
        }

        value = TimeSpan.FromTicks(count * unit);
        error = null;
        return true;
    }

    /// <summary>
    /// The start (UTC) of the period of <paramref name="duration"/> that ends at
    /// <paramref name="end"/>; false when it would fall before the earliest representable time
    /// (a clock set before the year 101 with the longest duration), instead of throwing.
    /// </summary>
    public static bool TryStartBefore(
        DateTimeOffset end,
        TimeSpan duration,
        out DateTimeOffset start
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        // DateTimeOffset.MinValue is tick 0 in UTC.
        if (end.UtcTicks < duration.Ticks)
        {
            start = default;
            return false;
        }

        start = new DateTimeOffset(end.UtcTicks - duration.Ticks, TimeSpan.Zero);
        return true;
    }

    private static long? UnitTicks(char unit) =>
        unit switch
        {
            'd' => TimeSpan.TicksPerDay,
            'h' => TimeSpan.TicksPerHour,
            'm' => TimeSpan.TicksPerMinute,
            _ => null,
        };
}
