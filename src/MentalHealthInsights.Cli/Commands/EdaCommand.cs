using System.CommandLine;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Infrastructure.Reporting;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi eda</c>: the exploratory analysis report (HTML + JSON + plots).</summary>
internal static class EdaCommand
{
    /// <summary>The rejects file written into the output folder.</summary>
    private const string RejectsFileName = "rejects.csv";

    /// <summary>Everything <c>mhi eda</c> writes into its output folder.</summary>
    public static OutputFolderLayout Outputs { get; } =
        new(
            [EdaReportWriter.HtmlFileName, EdaReportWriter.JsonFileName, RejectsFileName],
            [EdaReportWriter.PlotsFolder]
        );

    public static Command Create(CliEnvironment environment)
    {
        var input = DataValidateCommand.InputOption();
        var output = new Option<string>("--out", "-o")
        {
            Description =
                "Output folder for eda.html, eda.json, plots/ and rejects.csv (a path or s3://bucket/prefix)",
            DefaultValueFactory = _ => Path.Combine("out", "eda"),
        };
        var ranges = DataValidateCommand.RangeOption();
        var json = CommonOptions.Json();
        var command = new Command(
            "eda",
            "Exploratory analysis report: quality, distributions, tests, correlations"
        )
        {
            input,
            output,
            ranges,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var options = DataValidateCommand.ParseRanges(parseResult.GetValue(ranges));
                    StorageArguments.RequireNotOverwritten(
                        "--input",
                        parseResult.GetRequiredValue(input),
                        parseResult.GetRequiredValue(output),
                        Outputs
                    );
                    // Before the input is read: an unusable output folder fails at once.
                    StorageArguments.RequireWritableFolder(
                        "--out",
                        parseResult.GetRequiredValue(output)
                    );
                    // An s3:// input is streamed into the validator in one pass (no local
                    // copy); an s3:// output folder is written locally and uploaded only when
                    // the report is complete.
                    var inputPath = StorageArguments.Parse(
                        parseResult.GetRequiredValue(input)
                    ) switch
                    {
                        LocalStorageLocation file => StorageArguments.RequireLocalFile(
                            file.FullPath
                        ),
                        var remote => remote.Uri,
                    };
                    using var outputStage = StorageArguments.StageOutput(
                        parseResult.GetRequiredValue(output)
                    );
                    EdaRun local;
                    try
                    {
                        local = await RunAsync(
                            environment,
                            io,
                            inputPath,
                            outputStage.Directory,
                            options,
                            cancellationToken
                        );
                    }
                    catch (CommandFailure failure) when (outputStage.Target is not null)
                    {
                        throw await outputStage.KeepRejectsAsync(
                            failure,
                            RejectsFileName,
                            cancellationToken
                        );
                    }
                    await outputStage.PublishAsync(cancellationToken);
                    var result = local with
                    {
                        Output = new EdaOutput(
                            outputStage.Display(local.Output.HtmlPath),
                            outputStage.Display(local.Output.JsonPath),
                            [.. local.Output.PlotPaths.Select(outputStage.Display)]
                        ),
                        RejectsPath = outputStage.Display(local.RejectsPath),
                    };
                    if (parseResult.GetValue(json))
                    {
                        var node = new JsonObject
                        {
                            ["input"] = inputPath,
                            ["rowsRead"] = result.Validation.RowsRead,
                            ["rowsAccepted"] = result.Validation.RowsAccepted,
                            ["rowsRejected"] = result.Validation.RowsRejected,
                            ["html"] = result.Output.HtmlPath,
                            ["json"] = result.Output.JsonPath,
                            ["plots"] = new JsonArray([
                                .. result.Output.PlotPaths.Select(p => (JsonNode?)p),
                            ]),
                            ["rejectsPath"] = result.RejectsPath,
                        };
                        await io.Output.WriteLineAsync(JsonOutput.Format(node));
                    }
                    else
                    {
                        await io.Output.WriteLineAsync(
                            ValidationSummaryRenderer.Render(result.Validation, result.RejectsPath)
                        );
                        foreach (var finding in result.Report.WhatStandsOut)
                        {
                            await io.Output.WriteLineAsync($"- {finding}");
                        }
                        await io.Output.WriteLineAsync($"EDA report: {result.Output.HtmlPath}");
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    /// <summary>What one EDA run produced.</summary>
    public sealed record EdaRun(
        ValidationReport Validation,
        EdaReport Report,
        EdaOutput Output,
        string RejectsPath
    );

    /// <summary>
    /// Loads (a local path or an s3:// URI, streamed), validates, analyses and writes the
    /// report; shared with <c>mhi run</c>.
    /// </summary>
    public static async Task<EdaRun> RunAsync(
        CliEnvironment environment,
        CommandIo io,
        string inputPath,
        string outputDirectory,
        ValidationOptions options,
        CancellationToken cancellationToken
    )
    {
        Directory.CreateDirectory(outputDirectory);
        var rejectsPath = Path.Combine(outputDirectory, RejectsFileName);
        var loaded = await ProgressDisplay.RunAsync(
            environment,
            io,
            "load",
            (progress, ct) =>
                StorageDatasetLoader.LoadWithSha256(
                    StorageLocation.Parse(inputPath),
                    options,
                    rejectsPath,
                    progress,
                    ct
                ),
            cancellationToken,
            static loaded => loaded.Report.IsReadable
        );
        if (!loaded.Report.IsReadable)
        {
            throw new CommandFailure(ExitCodes.InvalidData, loaded.Report.FatalError!);
        }
        if (loaded.Records.Count == 0)
        {
            throw new CommandFailure(
                ExitCodes.InvalidData,
                $"no valid rows to analyse ({loaded.Report.RowsRejected} rejected; see {rejectsPath})."
            );
        }
        cancellationToken.ThrowIfCancellationRequested();
        var report = EdaAnalyzer.Analyze(loaded.Records, loaded.Report);
        var output = new EdaReportWriter(environment.Time).Write(
            report,
            outputDirectory,
            Path.GetFileName(inputPath),
            loaded.DataSha256
        );
        return new EdaRun(loaded.Report, report, output, rejectsPath);
    }
}
