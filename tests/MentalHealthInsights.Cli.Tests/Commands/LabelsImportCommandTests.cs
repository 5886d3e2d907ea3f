using System.Text;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Cli.Tests.Commands;

[Collection(KeyCollection)]
public sealed class LabelsImportCommandTests
{
    /// <summary>Test classes that set MHI_PSEUDONYMISATION_KEY for the CLI run one at a time.</summary>
    public const string KeyCollection = "MHI_PSEUDONYMISATION_KEY";

    private const string Key = "labels-import-test-key-0123456789";

    [Fact]
    public async Task Import_CsvOfOutcomes_AttachesByPseudonymAndCountsRejects()
    {
        using var temp = new TempFolder();
        var logPath = temp.File("predictions.db");
        var store = new SqlitePredictionLogStore(logPath);
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        await store.AppendAsync(
            [
                Entry(pseudonymiser.Pseudonymise("a")),
                Entry(pseudonymiser.Pseudonymise("b")),
                Entry(null),
            ],
            CancellationToken.None
        );
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Age,Mental_Health_Condition\na,30,Yes\nb,31,no\nc,32,Yes\n,33,Yes\nd,34,Maybe\n"
        );
        Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, Key);
        CliResult result;
        try
        {
            result = await CliHarness.RunAsync(
                "labels",
                "import",
                temp.File("labels.csv"),
                "--prediction-log",
                logPath,
                "--json"
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, null);
        }

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "{\"read\":5,\"accepted\":3,\"rejected\":2,\"predictionsUpdated\":2}",
            result.Output.Trim()
        );
        var outcomes = new List<bool?>();
        await foreach (
            var entry in store.ReadAsync(new PredictionLogQuery(), CancellationToken.None)
        )
        {
            outcomes.Add(entry.Outcome);
        }
        Assert.Equal([true, false, null], outcomes);
    }

    [Fact]
    public async Task Import_FileWithoutOutcomeColumn_ExitCode2()
    {
        using var temp = new TempFolder();
        await File.WriteAllTextAsync(temp.File("labels.csv"), "User_ID,Age\na,30\n");
        Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, Key);
        CliResult result;
        try
        {
            result = await CliHarness.RunAsync(
                "labels",
                "import",
                temp.File("labels.csv"),
                "--prediction-log",
                temp.File("p.db")
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, null);
        }

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Mental_Health_Condition", result.Error, StringComparison.Ordinal);
    }

    private static PredictionLogEntry Entry(string? subject) =>
        PredictionLogEntries.Minimal(
            subject,
            new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero)
        );
}
