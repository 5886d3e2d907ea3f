using System.Text.RegularExpressions;
using MentalHealthInsights.Infrastructure.Reporting;

namespace MentalHealthInsights.Infrastructure.Tests.Reporting;

public class HtmlReportBuilderTests
{
    private const string Hostile = "<b onclick=\"x()\">&'";
    private const string Escaped = "&lt;b onclick=&quot;x()&quot;&gt;&amp;&#39;";

    [Fact]
    public void Build_AnyPage_StartsWithTheDisclaimerBanner()
    {
        string html = new HtmlReportBuilder("Report")
            .AddSection("One")
            .AddParagraph("text")
            .Build();

        int banner = html.IndexOf("class=\"banner\"", StringComparison.Ordinal);
        Assert.True(banner > 0);
        Assert.True(banner < html.IndexOf("<main>", StringComparison.Ordinal));
        Assert.Contains(HtmlReportBuilder.Disclaimer, html, StringComparison.Ordinal);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_EveryTextEntryPoint_EscapesMarkup()
    {
        string html = new HtmlReportBuilder(Hostile)
            .AddBannerLine(Hostile)
            .AddMeta(Hostile, Hostile)
            .AddSection(Hostile)
            .AddSubheading(Hostile)
            .AddParagraph(Hostile)
            .AddNote(Hostile)
            .AddList([Hostile])
            .AddTable(
                [Hostile, "n"],
                [
                    [Hostile, Hostile],
                ],
                caption: Hostile
            )
            .AddImage([1, 2, 3], Hostile, Hostile)
            .Build();

        Assert.DoesNotContain("<b onclick", html, StringComparison.Ordinal);
        // title, h1, banner, meta label and value, h2, h3, p, note, li, caption, header th, row th, td, alt, figcaption
        // (one section, so no contents list)
        Assert.Equal(16, Regex.Count(html, Regex.Escape(Escaped)));
    }

    [Fact]
    public void AddImage_Png_IsEmbeddedAsBase64DataUri()
    {
        string html = new HtmlReportBuilder("R").AddImage([137, 80, 78, 71], "chart").Build();

        Assert.Contains(
            "<img src=\"data:image/png;base64,iVBORw==\" alt=\"chart\">",
            html,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void AddImage_LinkWithScheme_Throws()
    {
        var builder = new HtmlReportBuilder("R");

        Assert.Throws<ArgumentException>(() =>
            builder.AddImage([1], "x", links: [new("bad", "javascript:alert(1)")])
        );
    }

    [Fact]
    public void AddSection_RepeatedHeadings_GetUniqueAnchors()
    {
        string html = new HtmlReportBuilder("R")
            .AddSection("Data quality")
            .AddSection("Data quality")
            .Build();

        Assert.Contains("<section id=\"data-quality\">", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"data-quality-2\">", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#data-quality-2\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Page_ForbidsScriptsThroughContentSecurityPolicy()
    {
        string html = new HtmlReportBuilder("R").Build();

        Assert.Contains(
            "Content-Security-Policy\" content=\"default-src 'none'",
            html,
            StringComparison.Ordinal
        );
    }
}
