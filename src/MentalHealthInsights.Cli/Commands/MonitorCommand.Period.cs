using System.Globalization;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class MonitorCommand
{
    /// <summary>Parses "7d", "24h", "90m" (a positive whole number and a unit d/h/m).</summary>
    public static TimeSpan ParseDuration(string text, string option)
    {
        if (
            text.Length >= 2
            && int.TryParse(
                text.AsSpan(0, text.Length - 1),
                NumberStyles.None,
                CultureInfo.InvariantCulture,
                out int value
            )
            && value > 0
        )
        {
            switch (text[^1])
            {
                case 'd':
                    return TimeSpan.FromDays(value);
                case 'h':
                    return TimeSpan.FromHours(value);
                case 'm':
                    return TimeSpan.FromMinutes(value);
            }
        }
        throw new CommandFailure(
            ExitCodes.Usage,
            $"{option} must look like 7d, 24h or 90m (got '{text}')."
        );
    }

    /// <summary>The current period from --from/--to or --last (relative to <paramref name="now"/>).</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ParsePeriod(
        string? from,
        string? to,
        string? last,
        DateTimeOffset now
    )
    {
        if (last is not null)
        {
            if (from is not null || to is not null)
            {
                throw new CommandFailure(
                    ExitCodes.Usage,
                    "Use either --last or --from/--to, not both."
                );
            }
            return (now - ParseDuration(last, "--last"), now);
        }
        var start = CommonOptions.ParseTime(from, "--from");
        var end = CommonOptions.ParseTime(to, "--to");
        if (start is not null && end is not null && end <= start)
        {
            throw new CommandFailure(ExitCodes.Usage, "--to must be after --from.");
        }
        return (start, end);
    }
}
