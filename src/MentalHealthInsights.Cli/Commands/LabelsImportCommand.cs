using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Cli.Rendering;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi labels import FILE</c>: reads User_ID and Mental_Health_Condition from a CSV file,
/// pseudonymises the ids with MHI_PSEUDONYMISATION_KEY (the key the server logged them with) and
/// attaches the outcomes to the prediction log. Prints counts and the rejects file's path only;
/// rejected rows (line, reason, column, original text) go to the rejects CSV.
/// </summary>
internal static class LabelsImportCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var file = new Argument<string>("file")
        {
            Description = "CSV with User_ID and Mental_Health_Condition (Yes/No) columns",
        };
        var log = new Option<string?>("--prediction-log")
        {
            Description =
                "Prediction log: sqlite:///PATH or PATH (default: predictions.db), or PostgreSQL (postgresql://… or Host=…)",
        };
        var rejects = new Option<string?>("--rejects")
        {
            Description =
                "Rejects CSV (line, reason, column, original text), a path or s3://bucket/key; default: <file name>.label-rejects.csv beside FILE",
        };
        var json = CommonOptions.Json();
        var command = new Command("import", "Attach outcomes from a CSV file to logged predictions")
        {
            file,
            log,
            rejects,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var key = Environment.GetEnvironmentVariable(SubjectPseudonymiser.KeyVariable);
                    if (!SubjectPseudonymiser.IsUsableKey(key))
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            $"set {SubjectPseudonymiser.KeyVariable} to the key the server logs with (at least 16 bytes, not only spaces)."
                        );
                    }
                    var inputPath = StorageArguments.RequireLocalFile(
                        parseResult.GetRequiredValue(file),
                        "labels file"
                    );
                    var rejectsLocation = StorageArguments.Parse(
                        parseResult.GetValue(rejects)
                            ?? Path.Combine(
                                Path.GetDirectoryName(inputPath)!,
                                Path.GetFileNameWithoutExtension(inputPath) + ".label-rejects.csv"
                            )
                    );
                    if (parseResult.GetValue(rejects) is { } rejectsOption)
                    {
                        StorageArguments.RequireWritableFile("--rejects", rejectsOption);
                    }
                    if (string.Equals(inputPath, rejectsLocation.Uri, StringComparison.Ordinal))
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            "The rejects file must not be the input file."
                        );
                    }
                    // As mhi monitor: a missing SQLite log is an error, never a new empty one.
                    var store = PredictionLogArgument.Open(parseResult.GetValue(log));
                    OutcomeLabelImportResult result;
                    // The rejects file appears only once the whole file was read (never partial).
                    await using (var output = rejectsLocation.OpenWrite())
                    {
                        await using (
                            var writer = new StreamWriter(
                                output,
                                DataValidateCommand.RejectsEncoding,
                                1 << 16,
                                leaveOpen: true
                            )
                        )
                        {
                            try
                            {
                                result = await OutcomeLabelImport.ImportAsync(
                                    inputPath,
                                    store,
                                    new SubjectPseudonymiser(Encoding.UTF8.GetBytes(key)),
                                    environment.Time.GetUtcNow(),
                                    writer,
                                    cancellationToken
                                );
                            }
                            catch (InvalidDataException ex)
                            {
                                throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
                            }
                        }
                        await output.CommitAsync(cancellationToken);
                    }
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? Json(result, rejectsLocation.Uri)
                            : Text(result, rejectsLocation.Uri)
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }

    private static string Json(OutcomeLabelImportResult result, string rejectsPath) =>
        JsonOutput.Format(
            new JsonObject
            {
                ["read"] = result.Read,
                ["accepted"] = result.Accepted,
                ["rejected"] = result.Rejected,
                ["matched"] = result.Matched,
                ["unmatched"] = result.Unmatched,
                ["duplicates"] = result.Duplicates,
                ["conflicting"] = result.Conflicting,
                ["predictionsUpdated"] = result.PredictionsUpdated,
                ["rejectsPath"] = rejectsPath,
            }
        );

    private static string Text(OutcomeLabelImportResult result, string rejectsPath) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"""
            {result.Read} rows read: {result.Accepted} accepted, {result.Rejected} rejected (a field too long or not UTF-8, wrong field count, no User_ID, outcome not Yes/No, or conflicting; line and reason in {rejectsPath}).
            Of the accepted: {result.Matched} matched logged predictions, {result.Unmatched} unmatched (no unlabelled prediction of that User_ID), {result.Duplicates} duplicates (a User_ID again with the same outcome, ignored).
            {result.Conflicting} conflicting (a User_ID again with the other outcome: the first label kept, the later row rejected).
            {result.PredictionsUpdated} logged predictions updated.
            """
        );
}
