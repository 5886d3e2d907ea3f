using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi pipeline</c>: run pipelines and inspect or cancel their runs.</summary>
internal static partial class PipelineCommand
{
    public static Command Create(CliEnvironment environment) =>
        new("pipeline", "Pipelines: run them, list and show their runs, cancel a run")
        {
            PipelineRunCommand.Create(environment),
            PipelineRunsCommand.Create(environment),
            PipelineShowCommand.Create(environment),
            PipelineCancelCommand.Create(environment),
        };

    /// <summary><c>--store</c>: the run store location.</summary>
    public static Option<string?> StoreOption() =>
        new("--store")
        {
            Description =
                "Run store: sqlite:///PATH (default sqlite:///pipelines.db) or postgresql://user:pass@host:port/db; default from MHI_PIPELINE_STORE or the settings file",
        };

    /// <summary><c>--config</c>: the settings file.</summary>
    public static Option<string?> ConfigOption() =>
        new("--config")
        {
            Description =
                "Pipelines settings file (default: MHI_PIPELINES_CONFIG, else ./mhi-pipelines.json if present)",
        };

    /// <summary>
    /// Loads and checks the settings. A settings file that is missing, unreadable or whose
    /// content is refused (malformed JSON, a key given twice, values out of range, unknown
    /// pipelines, bad store locations, …) is unusable input: exit 2, as for a broken alert policy
    /// (<c>mhi alerts check</c>); only what is typed on the command line is a usage error.
    /// </summary>
    public static PipelineSettings LoadSettings(string? path)
    {
        PipelineSettings settings;
        try
        {
            settings = PipelineSettingsLoader.Load(path);
        }
        catch (InvalidDataException ex)
        {
            throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
        }
        var problems = settings.FindProblems(PipelineCatalog.Names);
        if (problems.Count > 0)
        {
            throw new CommandFailure(ExitCodes.InvalidData, string.Join(" ", problems));
        }
        return settings;
    }

    /// <summary>Opens the run store and marks runs abandoned by dead processes.</summary>
    public static async Task<SqlPipelineRunStore> OpenStoreAsync(
        CliEnvironment environment,
        CommandIo io,
        PipelineSettings settings,
        string? option,
        CancellationToken cancellationToken
    )
    {
        SqlPipelineRunStore store;
        try
        {
            store = await PipelineRunStoreFactory.OpenAsync(
                PipelineSettingsLoader.RunStoreLocation(settings, option),
                cancellationToken
            );
        }
        catch (ArgumentException ex)
        {
            throw CommandFailure.Usage(ex);
        }
        var recovered = await new PipelineRunner(
            store,
            environment.Time,
            settings.ToRunnerOptions()
        ).RecoverAbandonedAsync(cancellationToken);
        foreach (var id in recovered)
        {
            await io.Error.WriteLineAsync(
                $"marked run {id} as crashed: its process stopped heartbeating"
            );
        }
        return store;
    }

    /// <summary>The run with id <paramref name="id"/> (or a unique prefix of at least 6 characters).</summary>
    public static async Task<PipelineRunRecord> FindRunAsync(
        IPipelineRunStore store,
        string id,
        CancellationToken cancellationToken
    )
    {
        if (await store.GetRunAsync(id, cancellationToken) is { } exact)
        {
            return exact;
        }
        if (id.Length >= 6)
        {
            var matches = (await store.ListRunsAsync(1000, cancellationToken))
                .Where(r => r.Id.StartsWith(id, StringComparison.Ordinal))
                .ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
        }
        throw new CommandFailure(
            ExitCodes.InvalidData,
            $"no pipeline run '{id}' in the run store."
        );
    }
}
