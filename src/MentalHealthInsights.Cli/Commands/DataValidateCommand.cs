using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Infrastructure.Data;
using MentalHealthInsights.Infrastructure.Storage;

namespace MentalHealthInsights.Cli.Commands;

/// <summary><c>mhi data validate</c>: streams a CSV through the validation rules and writes the rejects file.</summary>
internal static class DataValidateCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var input = InputOption();
        var rejects = new Option<string?>("--rejects")
        {
            Description =
                "Rejects CSV (line, reason, column, original text), a path or s3://bucket/key; default: <input name>.rejects.csv in the current folder",
        };
        var ranges = RangeOption();
        var failOnRejects = new Option<bool>("--fail-on-rejects")
        {
            Description = "Exit with code 2 when any row is rejected",
        };
        var json = CommonOptions.Json();
        var command = new Command(
            "validate",
            "Validate a dataset CSV and write a rejects file with reasons"
        )
        {
            input,
            rejects,
            ranges,
            failOnRejects,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var inputText = parseResult.GetRequiredValue(input);
                    var rejectsText = parseResult.GetValue(rejects);
                    var options = ParseRanges(parseResult.GetValue(ranges));
                    string inputPath;
                    string rejectsPath;
                    ValidationReport report;
                    if (StorageLocation.IsS3(inputText) || StorageLocation.IsS3(rejectsText))
                    {
                        // s3:// input or rejects: streamed, never downloaded whole.
                        var inputLocation = StorageArguments.Parse(inputText);
                        var rejectsLocation = StorageArguments.Parse(
                            rejectsText
                                ?? Path.GetFileNameWithoutExtension(inputLocation.Name)
                                    + ".rejects.csv"
                        );
                        inputPath = inputLocation.Uri;
                        rejectsPath = rejectsLocation.Uri;
                        RequireDistinct(inputPath, rejectsPath);
                        // Before the input is read: an unusable rejects path fails at once.
                        StorageArguments.RequireWritableFile("--rejects", rejectsPath);
                        report = await ValidateAsync(
                            environment,
                            io,
                            inputLocation,
                            rejectsLocation,
                            options,
                            cancellationToken
                        );
                    }
                    else
                    {
                        // Parse refuses an empty or blank path as a usage error (exit 1).
                        inputPath = StorageArguments.RequireLocalFile(
                            StorageArguments.Parse(inputText).Uri
                        );
                        rejectsPath = StorageArguments
                            .Parse(
                                rejectsText
                                    ?? Path.GetFileNameWithoutExtension(inputPath) + ".rejects.csv"
                            )
                            .Uri;
                        RequireDistinct(inputPath, rejectsPath);
                        // Before the input is read: an unusable rejects path fails at once.
                        StorageArguments.RequireWritableFile("--rejects", rejectsPath);
                        report = await ValidateAsync(
                            environment,
                            io,
                            inputPath,
                            rejectsPath,
                            options,
                            cancellationToken
                        );
                    }
                    if (parseResult.GetValue(json))
                    {
                        var node = JsonNode
                            .Parse(ValidationReportJson.Serialize(report))!
                            .AsObject();
                        node["input"] = inputPath;
                        node["rejectsPath"] = rejectsPath;
                        await io.Output.WriteLineAsync(JsonOutput.Format(node));
                    }
                    else if (report.IsReadable)
                    {
                        await io.Output.WriteLineAsync(
                            ValidationSummaryRenderer.Render(report, rejectsPath)
                        );
                    }
                    if (!report.IsReadable)
                    {
                        throw new CommandFailure(ExitCodes.InvalidData, report.FatalError!);
                    }
                    return parseResult.GetValue(failOnRejects) && report.RowsRejected > 0
                        ? ExitCodes.InvalidData
                        : ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    /// <summary>Validates with progress; shared with <c>mhi run</c>.</summary>
    public static Task<ValidationReport> ValidateAsync(
        CliEnvironment environment,
        CommandIo io,
        string inputPath,
        string rejectsPath,
        ValidationOptions options,
        CancellationToken cancellationToken
    )
    {
        var reader = new CsvDatasetReader(options);
        return ProgressDisplay.RunAsync(
            environment,
            io,
            "validate",
            (progress, ct) =>
                reader.ReadFile(inputPath, static _ => { }, rejectsPath, progress, ct),
            cancellationToken,
            static report => report.IsReadable
        );
    }

    /// <summary>Refuses a rejects file that is the input, as mhi batch does (exit 1).</summary>
    private static void RequireDistinct(string inputPath, string rejectsPath)
    {
        if (string.Equals(inputPath, rejectsPath, StringComparison.Ordinal))
        {
            throw new CommandFailure(
                ExitCodes.Usage,
                "The rejects file must not be the input file."
            );
        }
    }

    /// <summary>
    /// Validates a local or S3 input, streaming it, and writes the rejects CSV to a local or
    /// S3 location that appears only once reading succeeded.
    /// </summary>
    public static Task<ValidationReport> ValidateAsync(
        CliEnvironment environment,
        CommandIo io,
        StorageLocation input,
        StorageLocation rejects,
        ValidationOptions options,
        CancellationToken cancellationToken
    )
    {
        var reader = new CsvDatasetReader(options);
        return ProgressDisplay.RunAsync(
            environment,
            io,
            "validate",
            (progress, ct) =>
            {
                // The reader is synchronous: this runs on a worker thread (ProgressDisplay).
                using var stream = input.OpenReadAsync(ct).GetAwaiter().GetResult();
                using var output = rejects.OpenWrite();
                ValidationReport report;
                using (
                    var writer = new StreamWriter(output, RejectsEncoding, 1 << 16, leaveOpen: true)
                )
                {
                    report = reader.Read(stream, static _ => { }, writer, progress, ct);
                }
                output.CommitAsync(ct).GetAwaiter().GetResult();
                return report;
            },
            cancellationToken,
            static report => report.IsReadable
        );
    }

    /// <summary>UTF-8 without a byte-order mark: the rejects files' encoding (also mhi labels import's).</summary>
    internal static readonly UTF8Encoding RejectsEncoding = new(
        encoderShouldEmitUTF8Identifier: false
    );

    /// <summary>The --input option, shared by commands that read a dataset.</summary>
    public static Option<string> InputOption() =>
        new("--input", "-i")
        {
            Description = "Dataset CSV file (a path or s3://bucket/key)",
            Required = true,
        };

    /// <summary>The --range option, shared by commands that validate.</summary>
    public static Option<string[]> RangeOption() =>
        new("--range")
        {
            Description =
                "Override an accepted numeric range, e.g. --range Age=18:65 (repeatable; defaults in docs/data-validation.md)",
        };

    /// <summary>Parses --range values or fails with exit code 1.</summary>
    public static ValidationOptions ParseRanges(string[]? ranges)
    {
        var options = ValidationOptionsParser.Parse(ranges ?? [], out var error);
        return error is null ? options : throw new CommandFailure(ExitCodes.Usage, error);
    }
}
