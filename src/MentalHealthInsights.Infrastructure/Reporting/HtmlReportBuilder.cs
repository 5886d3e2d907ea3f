using System.Globalization;
using System.Net;
using System.Text;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>
/// Builds one self-contained HTML page (inline CSS, images as base64 data URIs, no scripts, no
/// external requests) with the project's disclaimer banner at the top. Every string handed to
/// it is HTML-escaped, so report content can never inject markup. Shared by the EDA, training
/// and monitoring reports. Not thread-safe; build one page per instance.
/// </summary>
public sealed partial class HtmlReportBuilder
{
    /// <summary>The project's disclaimer, shown first on every report.</summary>
    public const string Disclaimer = "This is a screening aid, not a diagnosis.";

    private readonly string _title;
    private readonly List<string> _bannerLines = [];
    private readonly List<(string Text, bool Warning)> _headlines = [];
    private readonly List<(string Label, string Value)> _meta = [];
    private readonly List<(string Id, string Text)> _sections = [];
    private readonly StringBuilder _body = new();
    private bool _sectionOpen;

    /// <summary>Starts a page titled <paramref name="title"/>.</summary>
    public HtmlReportBuilder(string title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        _title = title;
    }

    /// <summary>Adds a line to the banner under the disclaimer (e.g. what the data describe).</summary>
    public HtmlReportBuilder AddBannerLine(string text)
    {
        _bannerLines.Add(text);
        return this;
    }

    /// <summary>
    /// Adds a prominent statement right under the disclaimer banner, before the contents, so it
    /// is the first thing read after the disclaimer (e.g. "no model is better than chance").
    /// Statements appear in the order added. <paramref name="warning"/> draws a warning box
    /// (role="alert"); otherwise a neutral box. Default: neutral.
    /// </summary>
    public HtmlReportBuilder AddHeadline(string text, bool warning = false)
    {
        _headlines.Add((text, warning));
        return this;
    }

    /// <summary>Adds a label/value pair to the line under the title (e.g. generation time, input name).</summary>
    public HtmlReportBuilder AddMeta(string label, string value)
    {
        _meta.Add((label, value));
        return this;
    }

    /// <summary>Starts a top-level section (an h2 listed in the contents); closes the previous one.</summary>
    public HtmlReportBuilder AddSection(string heading)
    {
        CloseSection();
        string id = UniqueId(heading);
        _sections.Add((id, heading));
        _body.Append(
            CultureInfo.InvariantCulture,
            $"<section id=\"{id}\">\n<h2>{Escape(heading)}</h2>\n"
        );
        _sectionOpen = true;
        return this;
    }

    /// <summary>Adds a sub-heading (h3) inside the current section.</summary>
    public HtmlReportBuilder AddSubheading(string heading)
    {
        _body.Append("<h3>").Append(Escape(heading)).Append("</h3>\n");
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    public HtmlReportBuilder AddParagraph(string text)
    {
        _body.Append("<p>").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds a highlighted note (a method remark or a caveat).</summary>
    public HtmlReportBuilder AddNote(string text)
    {
        _body.Append("<p class=\"note\">").Append(Escape(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds a bulleted list.</summary>
    public HtmlReportBuilder AddList(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _body.Append("<ul>\n");
        foreach (string item in items)
        {
            _body.Append("<li>").Append(Escape(item)).Append("</li>\n");
        }

        _body.Append("</ul>\n");
        return this;
    }

    /// <summary>
    /// Adds a table. The first column is a row label; the others are right-aligned as numbers.
    /// </summary>
    public HtmlReportBuilder AddTable(
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows,
        string? caption = null
    )
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("<div class=\"table-wrap\"><table>\n");
        if (caption is not null)
        {
            _body.Append("<caption>").Append(Escape(caption)).Append("</caption>\n");
        }

        _body.Append("<thead><tr>");
        foreach (string h in header)
        {
            _body.Append("<th scope=\"col\">").Append(Escape(h)).Append("</th>");
        }

        _body.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            for (int i = 0; i < row.Count; i++)
            {
                string tag = i == 0 ? "th scope=\"row\"" : "td";
                _body.Append('<').Append(tag).Append('>').Append(Escape(row[i]));
                _body.Append(i == 0 ? "</th>" : "</td>");
            }

            _body.Append("</tr>\n");
        }

        _body.Append("</tbody>\n</table></div>\n");
        return this;
    }

    /// <summary>
    /// Embeds a PNG as a base64 data URI, with alternative text, an optional caption and optional
    /// links to the same figure in other formats. Links must be relative paths (no scheme).
    /// </summary>
    /// <exception cref="ArgumentException">A link has a URI scheme (e.g. <c>javascript:</c>).</exception>
    public HtmlReportBuilder AddImage(
        ReadOnlySpan<byte> png,
        string altText,
        string? caption = null,
        IReadOnlyList<KeyValuePair<string, string>>? links = null
    )
    {
        _body.Append("<figure>\n<img src=\"data:image/png;base64,");
        _body.Append(Convert.ToBase64String(png));
        _body.Append("\" alt=\"").Append(Escape(altText)).Append("\">\n");
        if (caption is not null || links is { Count: > 0 })
        {
            _body.Append("<figcaption>");
            if (caption is not null)
            {
                _body.Append(Escape(caption));
            }

            if (links is { Count: > 0 })
            {
                _body.Append(caption is null ? "Files: " : " Files: ");
                for (int i = 0; i < links.Count; i++)
                {
                    var (label, href) = links[i];
                    if (href.Contains(':', StringComparison.Ordinal))
                    {
                        throw new ArgumentException("Links must be relative paths.", nameof(links));
                    }

                    _body.Append(i > 0 ? " · " : string.Empty);
                    _body
                        .Append("<a href=\"")
                        .Append(Escape(href))
                        .Append("\">")
                        .Append(Escape(label))
                        .Append("</a>");
                }
            }

            _body.Append("</figcaption>\n");
        }

        _body.Append("</figure>\n");
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Build()
    {
        CloseSection();
        var html = new StringBuilder(_body.Length + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");

        // No scripts and no network: the page must open offline and cannot run injected code.
        html.Append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'\">\n"
        );
        html.Append("<title>").Append(Escape(_title)).Append("</title>\n");
        html.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<header>\n");
        html.Append("<h1>").Append(Escape(_title)).Append("</h1>\n");
        if (_meta.Count > 0)
        {
            html.Append("<p class=\"meta\">");
            html.AppendJoin(" · ", _meta.Select(m => $"{Escape(m.Label)}: {Escape(m.Value)}"));
            html.Append("</p>\n");
        }

        html.Append("<div class=\"banner\" role=\"note\">\n<p><strong>")
            .Append(Escape(Disclaimer))
            .Append("</strong></p>\n");
        foreach (string line in _bannerLines)
        {
            html.Append("<p>").Append(Escape(line)).Append("</p>\n");
        }

        html.Append("</div>\n");
        foreach (var (text, warning) in _headlines)
        {
            html.Append(
                    warning
                        ? "<div class=\"headline warning\" role=\"alert\">"
                        : "<div class=\"headline\">"
                )
                .Append("<p><strong>")
                .Append(Escape(text))
                .Append("</strong></p></div>\n");
        }

        if (_sections.Count > 1)
        {
            html.Append("<nav aria-label=\"Contents\"><ol>\n");
            foreach (var (id, text) in _sections)
            {
                html.Append("<li><a href=\"#")
                    .Append(id)
                    .Append("\">")
                    .Append(Escape(text))
                    .Append("</a></li>\n");
            }

            html.Append("</ol></nav>\n");
        }

        html.Append("</header>\n<main>\n").Append(_body).Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>HTML-escapes text for element content and double-quoted attribute values.</summary>
    public static string Escape(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    private void CloseSection()
    {
        if (_sectionOpen)
        {
            _body.Append("</section>\n");
            _sectionOpen = false;
        }
    }

    private string UniqueId(string heading)
    {
        var slug = new StringBuilder();
        foreach (char c in heading.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        string stem = slug.ToString().Trim('-');
        stem = stem.Length == 0 ? "section" : stem;
        string id = stem;
        for (int i = 2; _sections.Exists(s => s.Id == id); i++)
        {
            id = string.Create(CultureInfo.InvariantCulture, $"{stem}-{i}");
        }

        return id;
    }
}
