using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi labels …</c>: outcomes observed after predictions (the monitoring input).</summary>
internal static class LabelsCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("labels", "Attach observed outcomes to logged predictions")
        {
            LabelsImportCommand.Create(environment),
        };
}
