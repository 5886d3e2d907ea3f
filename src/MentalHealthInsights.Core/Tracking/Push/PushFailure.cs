namespace MentalHealthInsights.Core.Tracking.Push;

/// <summary>Something a push could not copy; the others were still copied.</summary>
/// <param name="Kind"><c>run</c>, <c>model</c>, <c>version</c> or <c>alias</c>.</param>
/// <param name="Id">The source run id, model name, <c>name/version</c> or <c>name@alias</c>.</param>
/// <param name="Name">The run name, or the model name.</param>
/// <param name="Message">What went wrong (the store's message; never record values).</param>
public sealed record PushFailure(string Kind, string Id, string Name, string Message);
