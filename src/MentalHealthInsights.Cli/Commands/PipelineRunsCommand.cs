using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi pipeline runs</c>: the most recent pipeline runs.</summary>
internal static class PipelineRunsCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var limit = CommonOptions.AtLeast("--limit", "How many runs, newest first", 20, 1);
        var json = CommonOptions.Json();
        return PipelineCommand.StoreCommand(
            environment,
            "runs",
            "List pipeline runs, newest first",
            [limit, json],
            async (parseResult, io, _, runStore, cancellationToken) =>
            {
                var runs = await runStore.ListRunsAsync(
                    parseResult.GetValue(limit),
                    cancellationToken
                );
                if (parseResult.GetValue(json))
                {
                    await io.Output.WriteLineAsync(
                        JsonOutput.Format(
                            new JsonArray([
                                .. runs.Select(r => (JsonNode?)PipelineCommand.ToJson(r, null)),
                            ])
                        )
                    );
                    return ExitCodes.Ok;
                }
                if (runs.Count == 0)
                {
                    await io.Output.WriteLineAsync("No pipeline runs yet.");
                    return ExitCodes.Ok;
                }
                await io.Output.WriteLineAsync(
                    $"{"RUN", -32}  {"PIPELINE", -14} {"STATE", -9}  {"TRIGGER", -8}  CREATED (UTC)"
                );
                foreach (var run in runs)
                {
                    await io.Output.WriteLineAsync(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{run.Id, -32}  {run.Pipeline, -14} {run.State, -9}  {run.Trigger.ToString().ToLowerInvariant(), -8}  {run.CreatedAt:yyyy-MM-dd HH:mm:ss}"
                        )
                    );
                }
                return ExitCodes.Ok;
            },
            readsOnly: true
        );
    }
}
