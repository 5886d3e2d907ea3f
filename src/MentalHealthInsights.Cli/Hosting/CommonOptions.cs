using System.CommandLine;

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
}
