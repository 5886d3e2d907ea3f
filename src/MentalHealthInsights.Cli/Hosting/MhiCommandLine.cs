using System.CommandLine;
using MentalHealthInsights.Cli.Commands;

namespace MentalHealthInsights.Cli.Hosting;

/// <summary>The <c>mhi</c> command tree, built in one place so tests parse real command lines.</summary>
internal static class MhiCommandLine
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var data = new Command("data", "Dataset commands: generate and validate")
        {
            DataGenerateCommand.Create(environment),
            DataValidateCommand.Create(environment),
        };
        var root = new RootCommand(
            "mhi — Mental Health Insights: screening-risk models from demographic and lifestyle data. "
                + "A screening aid, not a diagnosis."
        )
        {
            data,
            EdaCommand.Create(environment),
            TrainCommand.Create(environment),
            ModelsCommand.Create(environment),
            RunsCommand.Create(environment),
            TrackingCommand.Create(environment),
            RunCommand.Create(environment),
            MonitorCommand.Create(environment),
            SimulateCommand.Create(environment),
            AlertsCommand.Create(environment),
            BatchCommand.Create(environment),
            ServeCommand.Create(environment),
            LabelsCommand.Create(environment),
            PipelineCommand.Create(environment),
            WorkerCommand.Create(environment),
        };
        root.Options.Add(CommonOptions.Verbose);
        return root;
    }

    /// <summary>Parses and runs; usage errors print one line per error (no help dump) and exit 1.</summary>
    public static Task<int> InvokeAsync(
        string[] args,
        CliEnvironment environment,
        InvocationConfiguration? configuration = null,
        CancellationToken cancellationToken = default
    )
    {
        var parseResult = Build(environment).Parse(args);
        if (parseResult.Action is System.CommandLine.Invocation.ParseErrorAction parseError)
        {
            parseError.ShowHelp = false;
        }
        return parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
