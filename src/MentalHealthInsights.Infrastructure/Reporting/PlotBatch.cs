using System.Runtime.ExceptionServices;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Renders a report's plots side by side. Each plot is its own ScottPlot <c>Plot</c> and Skia
/// surface, and ScottPlot 5 keeps its one shared cache (typefaces) in a concurrent dictionary,
/// so independent plots can render on different threads; the bytes do not depend on it (a test
/// renders a report's plots twice and compares them). The report's plots were rendered one
/// after the other at the end of a run, on one core, while the other was idle.
/// </summary>
internal static class PlotBatch
{
    /// <summary>
    /// Renders every plot and returns them keyed in the order given (a key given twice keeps its
    /// first position and its last plot, as assigning into a dictionary does). The first
    /// plot's failure is thrown as it was thrown.
    /// </summary>
    public static Dictionary<string, RenderedPlot> Render(
        IReadOnlyList<(string Key, Func<RenderedPlot> Render)> plots
    )
    {
        var rendered = new RenderedPlot[plots.Count];
        try
        {
            Parallel.For(0, plots.Count, i => rendered[i] = plots[i].Render());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }

        var result = new Dictionary<string, RenderedPlot>(plots.Count, StringComparer.Ordinal);
        for (var i = 0; i < plots.Count; i++)
        {
            result[plots[i].Key] = rendered[i];
        }

        return result;
    }
}
