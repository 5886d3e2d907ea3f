using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi models</c>: the model registry (list, show, promote, rollback).</summary>
internal static class ModelsCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("models", "The model registry: versions, aliases (champion, challenger), promotion")
        {
            ModelsListCommand.Create(environment),
            ModelsShowCommand.Create(environment),
            ModelsPromoteCommand.Create(environment),
            ModelsRollbackCommand.Create(environment),
        };
}
