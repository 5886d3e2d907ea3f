namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One move of an alias (champion or challenger).</summary>
internal sealed record AliasChangeItem(
    string Alias,
    int? FromVersion,
    int? ToVersion,
    string ChangedBy,
    DateTimeOffset ChangedAtUtc,
    string? Reason
);
