namespace MentalHealthInsights.Core.Tracking;

/// <summary>One page of search results.</summary>
/// <typeparam name="T">The entity type.</typeparam>
/// <param name="Items">The results on this page, in the requested order.</param>
/// <param name="NextPageToken">Opaque token for the next page; null when there is none.</param>
public sealed record ResultPage<T>(IReadOnlyList<T> Items, string? NextPageToken);
