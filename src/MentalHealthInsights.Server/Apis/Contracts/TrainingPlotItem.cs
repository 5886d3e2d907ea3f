namespace MentalHealthInsights.Server.Apis.Contracts;

/// <summary>One training plot of a registered version (an SVG the server answers at <paramref name="Url"/>).</summary>
/// <param name="Name">The plot's file stem in the training report, e.g. <c>roc-curves</c>, <c>importance-xgb</c>.</param>
/// <param name="Title">What the plot shows, in words (also the image's text alternative).</param>
/// <param name="Url">Where the server answers the SVG: <c>/v1/registry/versions/{version}/plots/{name}.svg</c>.</param>
internal sealed record TrainingPlotItem(string Name, string Title, string Url);
