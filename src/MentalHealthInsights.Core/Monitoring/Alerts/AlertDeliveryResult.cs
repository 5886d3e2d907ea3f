namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>How one channel's delivery went.</summary>
/// <param name="Channel">The channel's name ("log", "webhook", ...).</param>
/// <param name="Delivered">True when the channel accepted the notification.</param>
/// <param name="Attempts">Attempts made (1 when no retry was needed).</param>
/// <param name="Error">Why delivery failed (status code, timeout, ...); null when delivered.</param>
public sealed record AlertDeliveryResult(
    string Channel,
    bool Delivered,
    int Attempts,
    string? Error
);
