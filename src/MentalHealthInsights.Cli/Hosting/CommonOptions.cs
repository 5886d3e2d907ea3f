using System.CommandLine;
using System.Globalization;
using MentalHealthInsights.Core.Monitoring;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>Options shared by several commands, declared once.</summary>
internal static class CommonOptions
{
    /// <summary>--verbose: print stack traces of internal errors (never record values).</summary>
    public static Option<bool> Verbose { get; } =
        new("--verbose", "-v")
        {
            Description = "Show details of internal errors (stack traces)",
            Recursive = true,
        };

    /// <summary>Creates a --json flag (one instance per command, as System.CommandLine requires).</summary>
    public static Option<bool> Json() =>
        new("--json")
        {
            Description = "Print the result as JSON on stdout (progress goes to stderr)",
        };

    /// <summary>Creates a --seed option.</summary>
    public static Option<int> Seed() =>
        new("--seed")
        {
            Description = "Random seed (recorded with the output)",
            DefaultValueFactory = _ => 42,
        };

    /// <summary>
    /// Creates an integer option that must be at least <paramref name="minimum"/>, for counts
    /// whose only limit is what the user can wait for or store (rows streamed to a file).
    /// Anything held in memory at once or handed to the operating system (threads, buffers,
    /// resamples) takes <see cref="Between"/> with a documented maximum instead.
    /// </summary>
    public static Option<int> AtLeast(
        string name,
        string description,
        int defaultValue,
        int minimum,
        params string[] aliases
    ) => Between(name, description, defaultValue, minimum, int.MaxValue, aliases);

    /// <summary>
    /// Creates an integer option that must lie within
    /// [<paramref name="minimum"/>, <paramref name="maximum"/>]; a value outside is a usage error
    /// (exit 1) naming the option and the range. The raw token is checked (System.CommandLine's
    /// typed value throws on a token that is not a number).
    /// </summary>
    public static Option<int> Between(
        string name,
        string description,
        int defaultValue,
        int minimum,
        int maximum,
        params string[] aliases
    )
    {
        var option = new Option<int>(name, aliases)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.Validators.Add(result =>
        {
            if (
                result.Tokens.Count == 1
                && int.TryParse(
                    result.Tokens[0].Value,
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out var value
                )
                && (value < minimum || value > maximum)
            )
            {
                result.AddError(
                    maximum == int.MaxValue
                        ? $"{name} must be at least {minimum}."
                        : string.Create(
                            CultureInfo.InvariantCulture,
                            $"{name} must be between {minimum} and {maximum:N0}."
                        )
                );
            }
        });
        return option;
    }

    /// <summary>Creates the --signal option of the synthetic data (planted or none).</summary>
    public static Option<string> Signal()
    {
        var option = new Option<string>("--signal")
        {
            Description =
                "planted: the target follows the documented planted model; none: the target is independent of every feature",
            DefaultValueFactory = _ => "planted",
        };
        option.AcceptOnlyFromAmong("planted", "none");
        return option;
    }

    /// <summary>
    /// The value of a time option (<see cref="MonitoringTime"/>: ISO 8601, UTC when no offset);
    /// null when not given; a usage error (exit 2) naming <paramref name="option"/> otherwise.
    /// </summary>
    public static DateTimeOffset? ParseTime(string? text, string option) =>
        text is null ? null
        : MonitoringTime.TryParse(text, out var value) ? value
        : throw new CommandFailure(
            ExitCodes.Usage,
            $"{option} must be an ISO 8601 time, e.g. {MonitoringTime.Example} (got '{text}')."
        );
}
