using MentalHealthInsights.Core.Scoring.PredictionLog;
using MentalHealthInsights.Infrastructure.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.PredictionLog;

/// <summary>The SQLite prediction log against a real database file.</summary>
public sealed class SqlitePredictionLogStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 30, 15, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(
        Path.GetTempPath(),
        "mhi-prediction-log-" + Guid.NewGuid().ToString("N")
    );

    private string DatabasePath => Path.Combine(_folder, "sub", "predictions.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public async Task Append_ThenRead_RoundTripsEveryFieldIncludingMissingValues()
    {
        var store = new SqlitePredictionLogStore(DatabasePath);
        var full = Entry(T0.AddTicks(1234567), "k1") with
        {
            Age = 41.5,
            ConsultationHistory = true,
            StressLevel = "High",
            SleepHours = 6.25,
            WorkHours = 50,
            PhysicalActivityHours = 0,
        };
        var sparse = Entry(T0.AddMinutes(1), null);

        await store.AppendAsync([full, sparse], CancellationToken.None);
        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(2, read.Count);
        Assert.True(read[0].Id > 0 && read[1].Id > read[0].Id);
        Assert.Equal(full with { Id = read[0].Id }, read[0]);
        Assert.Equal(sparse with { Id = read[1].Id }, read[1]);
        Assert.True(double.IsNaN(read[1].Age));
        Assert.Null(read[1].ConsultationHistory);
        Assert.Null(read[1].StressLevel);
    }

    [Fact]
    public async Task Read_Window_FromInclusiveToExclusiveAndByModel()
    {
        var store = new SqlitePredictionLogStore(DatabasePath);
        await store.AppendAsync(
            [
                Entry(T0.AddHours(2), "a"),
                Entry(T0, "b"),
                Entry(T0.AddHours(1), "c") with
                {
                    ModelName = "other",
                },
                Entry(T0.AddHours(3), "d"),
            ],
            CancellationToken.None
        );

        var window = await ReadAsync(store, new PredictionLogQuery(T0, T0.AddHours(3)));
        var model = await ReadAsync(store, new PredictionLogQuery(ModelName: "other"));

        Assert.Equal(["b", "c", "a"], window.Select(e => e.SubjectKey));
        Assert.Equal(["c"], model.Select(e => e.SubjectKey));
    }

    [Fact]
    public async Task AttachOutcomes_KnownAndUnknownKeys_UpdatesOnlyUnlabelledPredictionsOfKnownKeys()
    {
        var store = new SqlitePredictionLogStore(DatabasePath);
        await store.AppendAsync(
            [Entry(T0, "a"), Entry(T0.AddMinutes(1), "a"), Entry(T0.AddMinutes(2), "b")],
            CancellationToken.None
        );

        var first = await store.AttachOutcomesAsync(
            [new OutcomeLabel("a", true), new OutcomeLabel("zzz", false)],
            T0.AddDays(1),
            CancellationToken.None
        );
        var again = await store.AttachOutcomesAsync(
            [new OutcomeLabel("a", false)],
            T0.AddDays(2),
            CancellationToken.None
        );
        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(2, first);
        Assert.Equal(0, again);
        Assert.Equal([true, true, null], read.Select(e => e.Outcome));
        Assert.Equal(T0.AddDays(1), read[0].OutcomeAt);
        Assert.Null(read[2].OutcomeAt);
        Assert.Equal(3, await store.CountAsync());
    }

    [Theory]
    [InlineData(null, "predictions.db")]
    [InlineData("", "predictions.db")]
    [InlineData("sqlite:////var/lib/mhi/p.db", "/var/lib/mhi/p.db")]
    [InlineData("sqlite:///rel/p.db", "rel/p.db")]
    [InlineData("Data Source=/x/p.db;Cache=Shared", "/x/p.db")]
    [InlineData("/plain/p.db", "/plain/p.db")]
    public void SqlitePath_ConnectionStrings_PickTheFile(string? connection, string expected)
    {
        Assert.Equal(expected, PredictionLogStoreFactory.SqlitePath(connection));
    }

    [Theory]
    [InlineData("postgresql://u@h/db")]
    [InlineData("Host=db;Database=mhi")]
    public void Create_PostgreSql_NotSupportedWithAClearMessage(string connection)
    {
        var error = Assert.Throws<NotSupportedException>(() =>
            PredictionLogStoreFactory.Create(connection)
        );
        Assert.Contains("PostgreSQL", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<PredictionLogEntry>> ReadAsync(
        SqlitePredictionLogStore store,
        PredictionLogQuery query
    )
    {
        var entries = new List<PredictionLogEntry>();
        await foreach (var entry in store.ReadAsync(query, CancellationToken.None))
        {
            entries.Add(entry);
        }
        return entries;
    }

    private static PredictionLogEntry Entry(DateTimeOffset at, string? subject) =>
        new()
        {
            Timestamp = at,
            ModelName = "mental-health-classifier",
            ModelVersion = "3",
            SubjectKey = subject,
            RequestId = "req-" + subject,
            Source = "api",
            Gender = "Female",
            Occupation = "IT",
            Country = "UK",
            Probability = 0.625,
            Label = true,
            Threshold = 0.4375,
        };
}
