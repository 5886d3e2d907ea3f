using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi runs</c>: tracked training runs (list, show).</summary>
internal static class RunsCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("runs", "Tracked runs: what each training logged (list, show, compare)")
        {
            RunsListCommand.Create(environment),
            RunsShowCommand.Create(environment),
            RunsCompareCommand.Create(environment),
        };
}
