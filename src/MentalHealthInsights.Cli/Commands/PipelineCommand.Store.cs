using System.CommandLine;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Infrastructure.Pipelines;
using MentalHealthInsights.Infrastructure.Pipelines.Configuration;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class PipelineCommand
{
    /// <summary>
    /// A <c>mhi pipeline</c> subcommand that works on the run store: adds <c>--store</c> and
    /// <c>--config</c> after <paramref name="symbols"/>, and runs <paramref name="action"/> with
    /// the checked settings and the opened run store (abandoned runs already marked crashed;
    /// disposed afterwards). Failures become exit codes through <see cref="CommandRunner"/>.
    /// </summary>
    /// <param name="environment">The CLI environment (clock).</param>
    /// <param name="name">The subcommand's name.</param>
    /// <param name="description">Its help line.</param>
    /// <param name="symbols">Its own arguments and options, in help order.</param>
    /// <param name="action">The work, given the parse result, the I/O, the settings and the store.</param>
    /// <param name="readsOnly">
    /// True for commands that only look at existing runs (runs, show, cancel): a SQLite store
    /// that does not exist, or a file that is not a run store, is refused (exit 2) instead of
    /// being created or given the run store's tables.
    /// </param>
    /// <param name="check">
    /// The command's own checks of its command line (e.g. <c>run</c>'s parameters), made before
    /// the run store is opened, so that a refused command line creates nothing.
    /// </param>
    /// <param name="withoutStore">
    /// Work that needs no run store, chosen by the command line (<c>run --queue</c>: a worker
    /// records the run in its own store): when it returns an exit code, the command ends there
    /// and the run store is neither opened nor created.
    /// </param>
    public static Command StoreCommand(
        CliEnvironment environment,
        string name,
        string description,
        IReadOnlyList<Symbol> symbols,
        Func<
            ParseResult,
            CommandIo,
            PipelineSettings,
            SqlPipelineRunStore,
            CancellationToken,
            Task<int>
        > action,
        bool readsOnly = false,
        Action<ParseResult>? check = null,
        Func<
            ParseResult,
            CommandIo,
            PipelineSettings,
            CancellationToken,
            Task<int?>
        >? withoutStore = null
    )
    {
        var store = StoreOption();
        var config = ConfigOption();
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
                default:
                    throw new ArgumentException(
                        $"unsupported symbol {symbol.Name}",
                        nameof(symbols)
                    );
            }
        }
        command.Options.Add(store);
        command.Options.Add(config);
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var settings = LoadSettings(parseResult.GetValue(config));
                    check?.Invoke(parseResult);
                    if (
                        withoutStore is not null
                        && await withoutStore(parseResult, io, settings, cancellationToken)
                            is { } exitCode
                    )
                    {
                        return exitCode;
                    }
                    if (readsOnly)
                    {
                        RequireExistingStore(
                            PipelineSettingsLoader.RunStoreLocation(
                                settings,
                                parseResult.GetValue(store)
                            )
                        );
                    }
                    await using var runStore = await OpenStoreAsync(
                        environment,
                        io,
                        settings,
                        parseResult.GetValue(store),
                        cancellationToken
                    );
                    return await action(parseResult, io, settings, runStore, cancellationToken);
                }
            )
        );
        return command;
    }

    /// <summary>
    /// Refuses a SQLite run store that does not exist or is not a run store (exit 2), writing
    /// nothing; a PostgreSQL store is created on first use by whoever runs pipelines.
    /// </summary>
    private static void RequireExistingStore(string location)
    {
        string? path;
        try
        {
            path = DatabaseLocation.SqlitePath(location, "run store");
        }
        catch (ArgumentException ex)
        {
            throw new CommandFailure(ExitCodes.Usage, ex.Message);
        }
        ExistingSqliteStore.Require(
            path,
            $"No pipeline run store at {path} (give --store, or set {PipelineRunStoreFactory.LocationVariable} or runStore in the settings file).",
            file => SqliteSchemaProbe.HasTable(file, SqlPipelineRunStore.RunsTable),
            $"{path} is not a pipeline run store (it has no pipeline runs table); nothing was changed."
        );
    }

    /// <summary>The <c>RUN</c> argument: a run id or a unique prefix of 6+ characters.</summary>
    public static Argument<string> RunArgument() =>
        new("RUN") { Description = "Run id (or a unique prefix of 6+ characters)" };
}
