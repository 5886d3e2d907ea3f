namespace MentalHealthInsights.Server.Serving;

/// <summary>A model could not be loaded, verified or probed; the message is safe to show and log.</summary>
internal sealed class ModelLoadException(string message, Exception? inner = null)
    : Exception(message, inner);
