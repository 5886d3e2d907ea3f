namespace MentalHealthInsights.Server.Hosting;

/// <summary>The configuration cannot work; the message says what to change. The process exits with code 2.</summary>
internal sealed class StartupRefusedException(string message) : Exception(message);
