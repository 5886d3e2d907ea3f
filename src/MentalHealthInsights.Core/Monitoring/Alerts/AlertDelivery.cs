namespace MentalHealthInsights.Core.Monitoring.Alerts;

/// <summary>A delivery attempt of one alert on one channel, as the store keeps it.</summary>
/// <param name="AlertId">The alert.</param>
/// <param name="Result">The channel's result.</param>
/// <param name="At">When delivery ended.</param>
public sealed record AlertDelivery(string AlertId, AlertDeliveryResult Result, DateTimeOffset At);
