using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class MonitorCommand
{
    /// <summary>
    /// Parses "7d", "24h", "90m" (<see cref="MonitoringDuration"/>: a positive whole number and
    /// a unit d/h/m, at most 36500d); a usage error naming <paramref name="option"/> otherwise.
    /// </summary>
    public static TimeSpan ParseDuration(string text, string option) =>
        MonitoringDuration.TryParse(text, out var value, out var error)
            ? value
            : throw new CommandFailure(ExitCodes.Usage, $"{option} {error} (got '{text}').");

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
            return MonitoringDuration.TryStartBefore(
                now,
                ParseDuration(last, "--last"),
                out var since
            )
                ? (since, now)
                : throw new CommandFailure(
                    ExitCodes.Usage,
                    $"--last {last} reaches back before the earliest time there is."
                );
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
