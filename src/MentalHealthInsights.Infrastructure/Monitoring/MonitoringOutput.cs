namespace MentalHealthInsights.Infrastructure.Monitoring;

/// <summary>Files one monitoring run wrote.</summary>
/// <param name="HtmlPath">monitoring-report.html (self-contained).</param>
/// <param name="JsonPath">monitoring.json (every number).</param>
/// <param name="ProfilePath">reference-profile.json (the strict profile's fixed bins), or null.</param>
public sealed record MonitoringOutput(string HtmlPath, string JsonPath, string? ProfilePath);
