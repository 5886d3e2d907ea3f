namespace MentalHealthInsights.Infrastructure.Reporting;

public sealed partial class HtmlReportBuilder
{
    /// <summary>The shared stylesheet (inline, so the page stays one file).</summary>
    private const string Css = """
        :root { color-scheme: light; --fg: #1d2330; --muted: #5b6475; --line: #d9dee7; --accent: #2b5c8a; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--fg); background: #fff; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
        header { padding-top: 24px; }
        h1 { font-size: 1.7em; margin: 0 0 4px; }
        h2 { font-size: 1.35em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
        h3 { font-size: 1.1em; margin: 24px 0 6px; }
        .meta { color: var(--muted); margin: 0 0 12px; }
        .banner { border-left: 6px solid #b85c00; background: #fff4e5; padding: 10px 16px; margin: 12px 0; }
        .banner p { margin: 4px 0; }
        .headline { border: 2px solid var(--accent); background: #eef4fa; padding: 8px 16px; margin: 12px 0; font-size: 1.1em; }
        .headline p { margin: 4px 0; }
        .headline.warning { border-color: #b00020; background: #fdecee; color: #7a0015; }
        .note { color: var(--muted); font-size: 0.93em; border-left: 3px solid var(--line); padding-left: 10px; }
        nav ol { columns: 2; margin: 12px 0; padding-left: 22px; }
        a { color: var(--accent); }
        .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
        table { border-collapse: collapse; font-size: 0.92em; }
        caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 10px; vertical-align: top; }
        thead th { background: #f3f5f9; text-align: left; }
        tbody th { text-align: left; font-weight: 600; }
        td { text-align: right; font-variant-numeric: tabular-nums; }
        figure { margin: 12px 0 20px; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
        figcaption { color: var(--muted); font-size: 0.9em; }
        @media print { nav { display: none; } section { break-inside: avoid-page; } }

        """;
}
