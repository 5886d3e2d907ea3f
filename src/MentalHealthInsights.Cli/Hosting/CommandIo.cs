namespace MentalHealthInsights.Cli.Hosting;

/// <summary>Where a command writes: results on <see cref="Output"/>, progress and errors on <see cref="Error"/>.</summary>
/// <param name="Output">stdout (results, JSON).</param>
/// <param name="Error">stderr (progress lines, warnings, errors).</param>
internal sealed record CommandIo(TextWriter Output, TextWriter Error);
