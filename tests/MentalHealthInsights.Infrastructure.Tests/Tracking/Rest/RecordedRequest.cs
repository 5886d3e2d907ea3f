namespace MentalHealthInsights.Infrastructure.Tests.Tracking.Rest;

/// <summary>One request the fake MLflow server received.</summary>
internal sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string? Authorization,
    string? ContentType,
    byte[] Body
);
