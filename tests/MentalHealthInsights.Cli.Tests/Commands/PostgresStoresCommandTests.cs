using System.Globalization;
using System.Text;
using System.Text.Json;
using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Monitoring.Alerts;
using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Monitoring.Store;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;
using Npgsql;

namespace MentalHealthInsights.Cli.Tests.Commands;

/// <summary>
/// The CLI on PostgreSQL stores end to end, against a real server started for this class: a
/// prediction log and a monitoring store given as connection strings to <c>mhi labels import</c>,
/// <c>mhi monitor --current log</c> and <c>mhi alerts list</c>.
/// </summary>
[Collection(LabelsImportCommandTests.KeyCollection)]
public sealed class PostgresStoresCommandTests(PostgresServer server)
    : IClassFixture<PostgresServer>
{
    private const string Key = "postgres-stores-test-key-0123456789";

    [Fact]
    public async Task LabelsMonitorAlerts_PostgresLogAndStore_WorkEndToEndWithoutShowingThePassword()
    {
        using var temp = new TempFolder();
        var database = await server.CreateDatabaseAsync();
        var builder = new NpgsqlConnectionStringBuilder(database);
        // A URI with a password (trust authentication ignores it): it must never be printed.
        var uri =
            $"postgresql://{builder.Username}:hidden-pw@{builder.Host}:{builder.Port}/{builder.Database}";
        var described = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        var reference = temp.File("ref.csv");
        Assert.Equal(
            0,
            (
                await CliHarness.RunAsync(
                    "data",
                    "generate",
                    "--rows",
                    "1500",
                    "--seed",
                    "1",
                    "--out",
                    reference
                )
            ).ExitCode
        );
        var pseudonymiser = new SubjectPseudonymiser(Encoding.UTF8.GetBytes(Key));
        var now = TimeProvider.System.GetUtcNow();
        var records = SyntheticDataGenerator.Generate(
            new SyntheticDataOptions { Rows = 300, Seed = 2 }
        );
        await PredictionLogStoreFactory
            .Create(uri)
            .AppendAsync(
                records
                    .Select(
                        (r, i) =>
                            new PredictionLogEntry
                            {
                                Timestamp = now.AddHours(-1 - (i % 48)),
                                ModelName = "m",
                                ModelVersion = "1",
                                SubjectKey = pseudonymiser.Pseudonymise(
                                    "u" + i.ToString(CultureInfo.InvariantCulture)
                                ),
                                RequestId = "r" + i.ToString(CultureInfo.InvariantCulture),
                                Source = "api",
                                Age = r.Age,
                                Gender = r.Gender,
                                Occupation = r.Occupation,
                                Country = r.Country,
                                ConsultationHistory = r.ConsultationHistory,
                                StressLevel = r.StressLevel,
                                SleepHours = r.SleepHours,
                                WorkHours = r.WorkHours,
                                PhysicalActivityHours = r.PhysicalActivityHours,
                                Probability = 0.5,
                                Label = true,
                                Threshold = 0.5,
                            }
                    )
                    .ToList(),
                CancellationToken.None
            );
        await File.WriteAllTextAsync(
            temp.File("labels.csv"),
            "User_ID,Mental_Health_Condition\nu0,Yes\nu1,No\nnobody,Yes\n"
        );

        Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, Key);
        CliResult labels;
        try
        {
            labels = await CliHarness.RunAsync(
                "labels",
                "import",
                temp.File("labels.csv"),
                "--prediction-log",
                uri,
                "--json"
            );
        }
        finally
        {
            Environment.SetEnvironmentVariable(SubjectPseudonymiser.KeyVariable, null);
        }
        var monitor = await CliHarness.RunAsync(
            "monitor",
            "-r",
            reference,
            "-c",
            "log",
            "--prediction-log",
            uri,
            "--last",
            "7d",
            "-o",
            temp.File("out"),
            "--no-track",
            "--store",
            uri,
            "--json"
        );
        var alerts = await CliHarness.RunAsync("alerts", "list", "--store", uri);

        Assert.Equal(0, labels.ExitCode);
        var counts = System.Text.Json.Nodes.JsonNode.Parse(labels.Output)!.AsObject();
        Assert.Equal(temp.File("labels.label-rejects.csv"), (string?)counts["rejectsPath"]);
        counts.Remove("rejectsPath");
        Assert.Equal(
            "{\"read\":3,\"accepted\":3,\"rejected\":0,\"matched\":2,\"unmatched\":1,\"duplicates\":0,\"conflicting\":0,\"predictionsUpdated\":2}",
            counts.ToJsonString()
        );
        Assert.Equal(0, monitor.ExitCode);
        using var json = JsonDocument.Parse(monitor.Output);
        Assert.Equal(
            300,
            json.RootElement.GetProperty("keyMetrics").GetProperty("rows_current").GetDouble()
        );
        Assert.Equal(
            described,
            json.RootElement.GetProperty("alerts").GetProperty("store").GetString()
        );
        var snapshot = Assert.Single(
            await MonitoringStoreFactory
                .Create(uri)
                .ListSnapshotsAsync(new MonitoringSnapshotQuery(), CancellationToken.None)
        );
        Assert.Equal(300, snapshot.KeyMetrics["rows_current"]);
        Assert.Equal(0, alerts.ExitCode);
        foreach (var text in (string[])[monitor.Output, monitor.Error, alerts.Output, alerts.Error])
        {
            Assert.DoesNotContain("hidden-pw", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AlertsList_MalformedPostgresStore_UsageErrorWithoutAStackTrace()
    {
        var result = await CliHarness.RunAsync(
            "alerts",
            "list",
            "--store",
            "Host=127.0.0.1;Frobnicate=1"
        );

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "Invalid PostgreSQL connection string",
            result.Error,
            StringComparison.Ordinal
        );
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
