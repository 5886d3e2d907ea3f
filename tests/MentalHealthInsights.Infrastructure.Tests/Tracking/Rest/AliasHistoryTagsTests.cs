using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Rest;

namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

public sealed class AliasHistoryTagsTests
{
    [Fact]
    public void Value_EssayLengthReason_ShortenedToTheRegistryTagLimit()
    {
        var value = AliasHistoryTags.Value(
            new WireAliasChange
            {
                Alias = "champion",
                ToVersion = 2,
                ChangedBy = "bob",
                ChangedAt = 1,
                Reason = new string('r', 20_000),
            }
        );

        Assert.InRange(value.Length, 4_000, TrackingLimits.MaxRegistryTagValueLength);
        var change = Assert.Single(
            AliasHistoryTags.Read(
                "m",
                [new WireKeyValue { Key = AliasHistoryTags.Key(1), Value = value }]
            )
        );
        Assert.EndsWith("…", change.Reason, StringComparison.Ordinal);
        Assert.Equal(2, change.ToVersion);
    }

    [Fact]
    public void Read_OtherAndMalformedTags_SkippedAndOrderedBySequence()
    {
        static string Entry(int to) =>
            AliasHistoryTags.Value(
                new WireAliasChange
                {
                    Alias = "a",
                    ToVersion = to,
                    ChangedAt = to,
                }
            );

        var history = AliasHistoryTags.Read(
            "m",
            [
                new WireKeyValue { Key = AliasHistoryTags.Key(10), Value = Entry(10) },
                new WireKeyValue { Key = "team", Value = "ml" },
                new WireKeyValue { Key = AliasHistoryTags.Key(2), Value = "{not json" },
                new WireKeyValue { Key = AliasHistoryTags.Key(3), Value = Entry(3) },
                new WireKeyValue { Key = AliasHistoryTags.Prefix + "x", Value = Entry(4) },
            ]
        );

        Assert.Equal([3L, 10L], history.Select(h => h.Sequence));
        Assert.All(history, h => Assert.Equal("unknown", h.ChangedBy));
    }
}
