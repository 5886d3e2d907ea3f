using System.Globalization;

namespace MentalHealthInsights.Infrastructure.Reporting;

/// <summary>Invariant-culture number formatting shared by the reports; NaN prints as "n/a".</summary>
internal static class ReportFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Count(long value) => value.ToString("N0", Invariant);

    public static string Number(double value) =>
        double.IsNaN(value) ? "n/a"
        : double.IsInfinity(value) ? (value > 0 ? "∞" : "−∞")
        : Math.Abs(value) >= 1000 ? value.ToString("N1", Invariant)
        : value.ToString("0.###", Invariant);

    public static string Statistic(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.####", Invariant);

    public static string Effect(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("+0.000;-0.000;0.000", Invariant);

    public static string Measure(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.000", Invariant);

    public static string PValue(double p) =>
        double.IsNaN(p) ? "n/a"
        : p < 0.001 ? p.ToString("0.00e+00", Invariant)
        : p.ToString("0.0000", Invariant);

    public static string Percent(double rate) =>
        double.IsNaN(rate) ? "n/a" : (rate * 100).ToString("0.0", Invariant) + "%";
}
