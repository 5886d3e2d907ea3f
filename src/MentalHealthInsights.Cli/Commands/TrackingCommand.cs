using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi tracking</c>: operations on tracking stores as a whole (push).</summary>
internal static class TrackingCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("tracking", "Tracking stores: copy local runs to an MLflow server")
        {
            TrackingPushCommand.Create(environment),
        };
}
