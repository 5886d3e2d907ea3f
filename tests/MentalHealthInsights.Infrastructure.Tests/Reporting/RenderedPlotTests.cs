using System.Text.RegularExpressions;
using MentalHealthInsights.Core.Eda;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

/// <summary>
/// A plot's SVG does not depend on what the process drew before: Skia's process-wide clip-path
/// ids are renumbered per document, consistently between declaration and use.
/// </summary>
public sealed partial class RenderedPlotTests
{
    [Fact]
    public void RenumberClipIds_DeclarationsAndUses_RenumberedTogetherInOrder()
    {
        const string svg = """
            <svg><clipPath id="cl_1de"><rect/></clipPath><clipPath id="cl_7"/>
            <g clip-path="url(#cl_7)"/><g clip-path="url(#cl_1de)"/><text>cl_1de id="x"</text></svg>
            """;

        var renumbered = RenderedPlot.RenumberClipIds(svg, "roc");

        Assert.Equal(
            """
            <svg><clipPath id="roc-clip-0"><rect/></clipPath><clipPath id="roc-clip-1"/>
            <g clip-path="url(#roc-clip-1)"/><g clip-path="url(#roc-clip-0)"/><text>cl_1de id="x"</text></svg>
            """,
            renumbered
        );
    }

    [Fact]
    public void Render_SamePlotTwice_SameSvgAndEveryClipReferenceDeclared()
    {
        var records = ReportTestData.Records();
        var report = EdaAnalyzer.Analyze(records, ReportTestData.Validation(records.Count));

        // Skia's counter moves on between the two renders; the documents must not.
        var first = EdaPlots.Correlations(report.Correlations);
        var second = EdaPlots.Correlations(report.Correlations);

        Assert.Equal(first.Svg, second.Svg);
        var declared = Ids().Matches(first.Svg).Select(m => m.Groups[1].Value).ToHashSet();
        var used = Uses().Matches(first.Svg).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(used);
        Assert.All(used, id => Assert.Contains(id, declared));
        Assert.All(declared, id => Assert.StartsWith(first.FileStem + "-clip-", id));
    }

    [GeneratedRegex("""id="([^"]+)"\s*>""")]
    private static partial Regex Ids();

    [GeneratedRegex("""url\(#([^)]+)\)""")]
    private static partial Regex Uses();
}
