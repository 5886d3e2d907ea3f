using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi data generate</c>: writes the synthetic dataset (the embedded default).</summary>
internal static class DataGenerateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var rows = CommonOptions.AtLeast("--rows", "Number of rows to generate", 1000, 1, "-n");
        var seed = CommonOptions.Seed();
        var output = new Option<string>("--out", "-o")
        {
            Description = "Output CSV file (parent folders are created)",
            Required = true,
        };
        var signal = CommonOptions.Signal();
        var json = CommonOptions.Json();

        var command = new Command(
            "generate",
            "Generate the synthetic dataset (same schema as the public one)"
        )
        {
            rows,
            seed,
            output,
            signal,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var options = new SyntheticDataOptions
                    {
                        Rows = parseResult.GetValue(rows),
                        Seed = parseResult.GetValue(seed),
                        Signal = ParseSignal(parseResult.GetRequiredValue(signal)),
                    };
                    var path = Path.GetFullPath(parseResult.GetRequiredValue(output));
                    var written = await GenerateAsync(
                        environment,
                        io,
                        options,
                        path,
                        cancellationToken
                    );
                    if (parseResult.GetValue(json))
                    {
                        var node = new JsonObject
                        {
                            ["rows"] = written,
                            ["seed"] = options.Seed,
                            ["signal"] = SignalName(options.Signal),
                            ["path"] = path,
                            ["sha256"] = FileHash.Sha256(path),
                        };
                        await io.Output.WriteLineAsync(JsonOutput.Format(node));
                    }
                    else
                    {
                        await io.Output.WriteLineAsync(
                            string.Create(
                                CultureInfo.InvariantCulture,
                                $"Wrote {written:N0} rows (signal {SignalName(options.Signal)}, seed {options.Seed}) to {path}"
                            )
                        );
                    }
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    /// <summary>Generates and writes the dataset with progress; shared with <c>mhi run</c>.</summary>
    public static Task<long> GenerateAsync(
        CliEnvironment environment,
        CommandIo io,
        SyntheticDataOptions options,
        string path,
        CancellationToken cancellationToken
    ) =>
        ProgressDisplay.RunAsync(
            environment,
            io,
            "generate",
            (progress, ct) =>
                CsvDatasetWriter.WriteFile(
                    SyntheticDataGenerator.Generate(options),
                    path,
                    options.Rows,
                    progress,
                    ct
                ),
            cancellationToken
        );

    public static SignalKind ParseSignal(string value) =>
        value == "none" ? SignalKind.None : SignalKind.Planted;

    public static string SignalName(SignalKind signal) =>
        signal == SignalKind.None ? "none" : "planted";
}
