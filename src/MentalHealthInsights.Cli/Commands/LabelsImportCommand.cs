using System.CommandLine;
using System.Globalization;
using System.Text;
using MentalHealthInsights.Cli.Hosting;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Commands;

/// <summary>
/// <c>mhi labels import FILE</c>: reads User_ID and Mental_Health_Condition from a CSV file,
/// pseudonymises the ids with MHI_PSEUDONYMISATION_KEY (the key the server logged them with) and
/// attaches the outcomes to the prediction log. Prints counts only.
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
        var json = CommonOptions.Json();
        var command = new Command("import", "Attach outcomes from a CSV file to logged predictions")
        {
            file,
            log,
            json,
        };
        command.SetAction(
            CommandRunner.Wrap(
                async (parseResult, io, cancellationToken) =>
                {
                    var key = Environment.GetEnvironmentVariable(SubjectPseudonymiser.KeyVariable);
                    if (key is null || Encoding.UTF8.GetByteCount(key) < 16)
                    {
                        throw new CommandFailure(
                            ExitCodes.Usage,
                            $"set {SubjectPseudonymiser.KeyVariable} to the key the server logs with (at least 16 bytes)."
                        );
                    }
                    var labels = StorageArguments.RequireLocalFile(
                        parseResult.GetRequiredValue(file),
                        "labels file"
                    );
                    // As mhi monitor: a missing SQLite log is an error, never a new empty one.
                    var store = PredictionLogArgument.Open(parseResult.GetValue(log));
                    OutcomeLabelImportResult result;
                    try
                    {
                        result = await OutcomeLabelImport.ImportAsync(
                            labels,
                            store,
                            new SubjectPseudonymiser(Encoding.UTF8.GetBytes(key)),
                            environment.Time.GetUtcNow(),
                            cancellationToken
                        );
                    }
                    catch (InvalidDataException ex)
                    {
                        throw new CommandFailure(ExitCodes.InvalidData, ex.Message);
                    }
                    await io.Output.WriteLineAsync(
                        parseResult.GetValue(json)
                            ? string.Create(
                                CultureInfo.InvariantCulture,
                                $"{{\"read\":{result.Read},\"accepted\":{result.Accepted},\"rejected\":{result.Rejected},\"predictionsUpdated\":{result.PredictionsUpdated}}}"
                            )
                            : string.Create(
                                CultureInfo.InvariantCulture,
                                $"{result.Read} rows read: {result.Accepted} labels, {result.Rejected} rejected (no User_ID or outcome not Yes/No); {result.PredictionsUpdated} logged predictions updated."
                            )
                    );
                    return ExitCodes.Ok;
                }
            )
        );
        return command;
    }
}
