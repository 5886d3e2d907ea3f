using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Hashing;
using MentalHealthInsights.Infrastructure.Storage;

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
            Description =
                "Output CSV file (parent folders are created), or s3://bucket/key (uploaded in parts as it is written)",
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
                    var outputText = parseResult.GetRequiredValue(output);
                    string path;
                    long written;
                    string sha256;
                    if (StorageLocation.IsS3(outputText))
                    {
                        var target = StorageArguments.Parse(outputText);
                        path = target.Uri;
                        (written, sha256) = await GenerateAsync(
                            environment,
                            io,
                            options,
                            target,
                            cancellationToken
                        );
                    }
                    else
                    {
                        // Parse refuses an empty or blank path as a usage error (exit 1).
                        path = StorageArguments.Parse(outputText).Uri;
                        written = await GenerateAsync(
                            environment,
                            io,
                            options,
                            path,
                            cancellationToken
                        );
                        sha256 = FileHash.Sha256(path);
                    }
                    if (parseResult.GetValue(json))
                    {
                        var node = new JsonObject
                        {
                            ["rows"] = written,
                            ["seed"] = options.Seed,
                            ["signal"] = SignalName(options.Signal),
                            ["path"] = path,
                            ["sha256"] = sha256,
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

    /// <summary>
    /// Generates the dataset straight into an S3 object (multipart as it grows; the object
    /// appears only when every row was written) and returns the rows and the SHA-256 of the bytes.
    /// </summary>
    public static Task<(long Rows, string Sha256)> GenerateAsync(
        CliEnvironment environment,
        CommandIo io,
        SyntheticDataOptions options,
        StorageLocation target,
        CancellationToken cancellationToken
    ) =>
        ProgressDisplay.RunAsync(
            environment,
            io,
            "generate",
            (progress, ct) =>
            {
                using var output = target.OpenWrite();
                using var sha = SHA256.Create();
                long rows;
                using (
                    var hashing = new CryptoStream(
                        output,
                        sha,
                        CryptoStreamMode.Write,
                        leaveOpen: true
                    )
                )
                {
                    rows = CsvDatasetWriter.Write(
                        SyntheticDataGenerator.Generate(options),
                        hashing,
                        options.Rows,
                        progress,
                        ct
                    );
                    hashing.FlushFinalBlock();
                }
                // The writer is synchronous: this runs on a worker thread (ProgressDisplay).
                output.CommitAsync(ct).GetAwaiter().GetResult();
                return (rows, Convert.ToHexStringLower(sha.Hash!));
            },
            cancellationToken
        );

    public static SignalKind ParseSignal(string value) =>
        value == "none" ? SignalKind.None : SignalKind.Planted;

    public static string SignalName(SignalKind signal) =>
        signal == SignalKind.None ? "none" : "planted";
}
