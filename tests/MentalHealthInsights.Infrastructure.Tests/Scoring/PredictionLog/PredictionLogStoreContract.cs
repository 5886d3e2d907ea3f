using MentalHealthInsights.Core.Scoring.PredictionLog;

namespace MentalHealthInsights.Infrastructure.Tests.Scoring.PredictionLog;

/// <summary>
/// The contract of <see cref="IPredictionLogStore"/>, run against every adapter (SQLite file,
/// real PostgreSQL server): each derived class only says how to open a fresh log and a second
/// handle on the same log (another server process).
/// </summary>
public abstract class PredictionLogStoreContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 11, 1, 8, 30, 15, TimeSpan.Zero);

    /// <summary>A fresh, empty log; its location is remembered for <see cref="OpenSameLog"/>.</summary>
    protected abstract Task<IPredictionLogStore> CreateStoreAsync();

    /// <summary>A second, independent store instance on the log <see cref="CreateStoreAsync"/> last made.</summary>
    protected abstract IPredictionLogStore OpenSameLog();

    [Fact]
    public async Task Append_ThenRead_RoundTripsEveryFieldIncludingMissingValues()
    {
        var store = await CreateStoreAsync();
        var full = Entry(T0.AddTicks(1234567), "k1") with
        {
            Age = 41.5,
            ConsultationHistory = true,
            StressLevel = "High",
            SleepHours = 6.25,
            WorkHours = 50,
            PhysicalActivityHours = 0,
            Outcome = false,
            OutcomeAt = T0.AddTicks(7),
        };
        var sparse = Entry(T0.AddMinutes(1), null) with { Label = false, Probability = 0.125 };

        await store.AppendAsync([full, sparse], CancellationToken.None);
        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(2, read.Count);
        Assert.True(read[0].Id > 0 && read[1].Id > read[0].Id);
        Assert.Equal(full with { Id = read[0].Id }, read[0]);
        Assert.Equal(sparse with { Id = read[1].Id }, read[1]);
        Assert.True(double.IsNaN(read[1].Age));
        Assert.Null(read[1].ConsultationHistory);
        Assert.Null(read[1].StressLevel);
        Assert.Null(read[1].SubjectKey);
    }

    [Fact]
    public async Task Read_EmptyLog_YieldsNothing()
    {
        var store = await CreateStoreAsync();

        Assert.Empty(await ReadAsync(store, new PredictionLogQuery()));
        await store.AppendAsync([], CancellationToken.None);
        Assert.Equal(
            new OutcomeAttachment(0, 0, 0),
            await store.AttachOutcomesAsync([], T0, CancellationToken.None)
        );
        Assert.Empty(await ReadAsync(store, new PredictionLogQuery()));
    }

    [Fact]
    public async Task Read_Window_FromInclusiveToExclusiveAndByModel()
    {
        var store = await CreateStoreAsync();
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
        var open = await ReadAsync(store, new PredictionLogQuery(From: T0.AddHours(1)));

        Assert.Equal(["b", "c", "a"], window.Select(e => e.SubjectKey));
        Assert.Equal(["c"], model.Select(e => e.SubjectKey));
        Assert.Equal(["c", "a", "d"], open.Select(e => e.SubjectKey));
    }

    [Fact]
    public async Task Read_SameTimestamp_OrderedByInsertion()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync([Entry(T0, "x"), Entry(T0, "y")], CancellationToken.None);
        await store.AppendAsync([Entry(T0, "z")], CancellationToken.None);

        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(["x", "y", "z"], read.Select(e => e.SubjectKey));
    }

    [Fact]
    public async Task Append_LargeBatch_EveryFieldOfEveryRowInOrder()
    {
        var store = await CreateStoreAsync();
        // 75 rows with fields varying per row (missing ones included): a batch larger than any
        // grouping an adapter might use (PostgreSQL writes one binary COPY) keeps every row, in order.
        var entries = Enumerable
            .Range(0, 75)
            .Select(i =>
                Entry(T0.AddSeconds(i % 7), i % 5 == 0 ? null : $"key-{i}") with
                {
                    Age = i % 4 == 0 ? double.NaN : 18 + i,
                    Probability = i / 100.0,
                    Label = i % 2 == 0,
                    StressLevel = i % 3 == 0 ? null : "Medium",
                    SleepHours = 4 + (i % 9) * 0.5,
                    ConsultationHistory = i % 6 == 0 ? null : i % 2 == 1,
                }
            )
            .ToArray();

        await store.AppendAsync(entries, CancellationToken.None);
        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(entries.Length, read.Count);
        var byId = read.OrderBy(e => e.Id).ToArray();
        for (var i = 0; i < entries.Length; i++)
        {
            Assert.Equal(entries[i] with { Id = byId[i].Id }, byId[i]);
        }
    }

    [Fact]
    public async Task Append_EmptyLongAndNonAsciiText_RoundTripsExactly()
    {
        var store = await CreateStoreAsync();
        // Empty text must stay empty (not NULL), text longer than any stack buffer and
        // multi-byte UTF-8 must come back unchanged.
        var entry = Entry(T0, "Zoë-東京-" + new string('k', 3000)) with
        {
            ModelVersion = "",
            RequestId = new string('r', 600) + "ß",
            StressLevel = "",
            Occupation = "Ärztin 🩺",
        };

        await store.AppendAsync([entry, Entry(T0, "plain")], CancellationToken.None);
        var read = await ReadAsync(store, new PredictionLogQuery());

        Assert.Equal(2, read.Count);
        Assert.Equal(entry with { Id = read[0].Id }, read[0]);
        Assert.Equal("", read[0].StressLevel);
        Assert.Equal(Entry(T0, "plain") with { Id = read[1].Id }, read[1]);
    }

    [Fact]
    public async Task AttachOutcomes_KnownAndUnknownKeys_UpdatesOnlyUnlabelledPredictionsOfKnownKeys()
    {
        var store = await CreateStoreAsync();
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

        // Two labels: one matched (both predictions of "a"), one found nothing.
        Assert.Equal(new OutcomeAttachment(Labels: 2, Matched: 1, PredictionsUpdated: 2), first);
        Assert.Equal(1, first.Unmatched);
        // "a" is labelled already: its label matches no unlabelled prediction.
        Assert.Equal(new OutcomeAttachment(Labels: 1, Matched: 0, PredictionsUpdated: 0), again);
        Assert.Equal([true, true, null], read.Select(e => e.Outcome));
        Assert.Equal(T0.AddDays(1), read[0].OutcomeAt);
        Assert.Null(read[2].OutcomeAt);
    }

    [Fact]
    public async Task AttachOutcomes_SameKeyTwiceInOneCall_FirstLabelWins()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync([Entry(T0, "a"), Entry(T0, "a")], CancellationToken.None);

        var updated = await store.AttachOutcomesAsync(
            [new OutcomeLabel("a", false), new OutcomeLabel("a", true)],
            T0.AddDays(1),
            CancellationToken.None
        );

        // The second label of "a" finds its predictions labelled: not matched.
        Assert.Equal(new OutcomeAttachment(Labels: 2, Matched: 1, PredictionsUpdated: 2), updated);
        Assert.All(await ReadAsync(store, new PredictionLogQuery()), e => Assert.False(e.Outcome));
    }

    [Fact]
    public async Task AttachOutcomes_CountsMatchedLabelsApartFromPredictionsUpdated()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync(
            [Entry(T0, "a"), Entry(T0, "a"), Entry(T0, "a"), Entry(T0, "b"), Entry(T0, "done")],
            CancellationToken.None
        );
        await store.AttachOutcomesAsync(
            [new OutcomeLabel("done", true)],
            T0.AddDays(1),
            CancellationToken.None
        );

        var attached = await store.AttachOutcomesAsync(
            [
                new OutcomeLabel("a", true),
                new OutcomeLabel("ghost", false),
                new OutcomeLabel("b", false),
                new OutcomeLabel("done", false),
            ],
            T0.AddDays(2),
            CancellationToken.None
        );

        // Four labels: "a" and "b" matched (four predictions), "ghost" and the labelled "done" not.
        Assert.Equal(new OutcomeAttachment(Labels: 4, Matched: 2, PredictionsUpdated: 4), attached);
        Assert.Equal(2, attached.Unmatched);
    }

    [Fact]
    public async Task AttachOutcomes_NewPredictionOfALabelledSubject_GetsTheNextLabel()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync([Entry(T0, "a")], CancellationToken.None);
        await store.AttachOutcomesAsync(
            [new OutcomeLabel("a", true)],
            T0.AddDays(1),
            CancellationToken.None
        );
        await store.AppendAsync([Entry(T0.AddDays(2), "a")], CancellationToken.None);

        var updated = await store.AttachOutcomesAsync(
            [new OutcomeLabel("a", false)],
            T0.AddDays(3),
            CancellationToken.None
        );

        Assert.Equal(new OutcomeAttachment(Labels: 1, Matched: 1, PredictionsUpdated: 1), updated);
        Assert.Equal(
            [true, false],
            (await ReadAsync(store, new PredictionLogQuery())).Select(e => e.Outcome)
        );
    }

    [Fact]
    public async Task Append_BatchWithAnInvalidEntry_WritesNothing()
    {
        var store = await CreateStoreAsync();
        await store.AppendAsync([Entry(T0, "kept")], CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentNullException>(() =>
            store.AppendAsync([Entry(T0, "a"), null!, Entry(T0, "b")], CancellationToken.None)
        );

        Assert.Equal(
            ["kept"],
            (await ReadAsync(store, new PredictionLogQuery())).Select(e => e.SubjectKey)
        );
    }

    [Fact]
    public async Task Append_TwoWritersOnOneLogAtOnce_KeepsEveryRowOnceWithDistinctIds()
    {
        // Two server processes (two store instances, their own connections) share one log; a
        // third imports labels while they write.
        var first = await CreateStoreAsync();
        var second = OpenSameLog();
        var labeller = OpenSameLog();
        const int batches = 20;
        const int batchSize = 50;

        async Task WriteAsync(IPredictionLogStore store, string writer)
        {
            for (var b = 0; b < batches; b++)
            {
                var batch = Enumerable
                    .Range(0, batchSize)
                    .Select(i =>
                        Entry(T0.AddSeconds(b), $"{writer}-{b}-{i}") with
                        {
                            RequestId = writer,
                        }
                    )
                    .ToList();
                await store.AppendAsync(batch, CancellationToken.None);
            }
        }

        async Task<int> LabelAsync()
        {
            var updated = 0;
            for (var b = 0; b < batches; b++)
            {
                var attached = await labeller.AttachOutcomesAsync(
                    [new OutcomeLabel($"w1-{b}-0", true), new OutcomeLabel($"w2-{b}-0", true)],
                    T0.AddDays(1),
                    CancellationToken.None
                );
                // One prediction per key: each matched label updated exactly one.
                Assert.Equal(attached.Matched, attached.PredictionsUpdated);
                updated += attached.PredictionsUpdated;
            }
            return updated;
        }

        var labelling = LabelAsync();
        await Task.WhenAll(WriteAsync(first, "w1"), WriteAsync(second, "w2"), labelling);
        var read = await ReadAsync(first, new PredictionLogQuery());
        // Labels that raced ahead of their rows found nothing; attaching again catches up.
        var late = await labeller.AttachOutcomesAsync(
            Enumerable
                .Range(0, batches)
                .SelectMany(b =>
                    new[]
                    {
                        new OutcomeLabel($"w1-{b}-0", true),
                        new OutcomeLabel($"w2-{b}-0", true),
                    }
                )
                .ToList(),
            T0.AddDays(1),
            CancellationToken.None
        );

        Assert.Equal(2 * batches * batchSize, read.Count);
        Assert.Equal(read.Count, read.Select(e => e.Id).Distinct().Count());
        Assert.Equal(read.Count, read.Select(e => e.SubjectKey).Distinct().Count());
        Assert.Equal(batches * batchSize, read.Count(e => e.RequestId == "w1"));
        Assert.Equal(2 * batches, await labelling + late.PredictionsUpdated);
        Assert.Equal(late.PredictionsUpdated, late.Matched);
        var labelled = (await ReadAsync(second, new PredictionLogQuery())).Count(e =>
            e.Outcome == true
        );
        Assert.Equal(2 * batches, labelled);
    }

    protected static async Task<List<PredictionLogEntry>> ReadAsync(
        IPredictionLogStore store,
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

    protected static PredictionLogEntry Entry(DateTimeOffset at, string? subject) =>
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
