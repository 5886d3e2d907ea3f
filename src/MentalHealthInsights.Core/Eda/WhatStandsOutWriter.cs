using System.Globalization;

namespace MentalHealthInsights.Core.Eda;

/// <summary>
/// Writes the "what stands out" sentences from the numbers alone: the target balance, how many
/// feature–target tests survive Benjamini–Hochberg control, and the strongest significant
/// associations by absolute effect size. Sentences describe associations, never causes.
/// </summary>
internal static class WhatStandsOutWriter
{
    /// <summary>Effect sizes below this are called weak (a common rule of thumb for r and V).</summary>
    internal const double WeakEffect = 0.1;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IReadOnlyList<string> Write(
        TargetBalance target,
        IReadOnlyList<FeatureAssociation> associations,
        IReadOnlyList<NumericFeatureProfile> numeric,
        IReadOnlyList<CategoricalFeatureProfile> categorical,
        EdaOptions options
    )
    {
        var sentences = new List<string>();
        if (target.Total == 0)
        {
            sentences.Add("No records were available to analyse.");
        }
        else
        {
            sentences.Add(
                string.Create(
                    Invariant,
                    $"{target.WithCondition:N0} of {target.Total:N0} records ({Percent(target.ConditionRate)}) report a mental health condition."
                )
            );
        }

        var tested = associations.Where(a => !double.IsNaN(a.PValue)).ToList();
        if (tested.Count == 0)
        {
            sentences.Add(
                "No feature–condition test could be run: each test needs records both with and without the condition."
            );
            // Nothing was tested, so "nothing is significant" would claim a result that is not there.
            return sentences;
        }

        var significant = tested
            .Where(a => a.IsSignificant)
            .OrderByDescending(a => Math.Abs(a.EffectSize))
            .ThenBy(a => a.AdjustedPValue)
            .ToList();
        if (significant.Count == 0)
        {
            sentences.Add(EdaAnalyzer.NoSignificantAssociation);
            return sentences;
        }

        sentences.Add(
            string.Create(
                Invariant,
                $"{significant.Count} of {tested.Count} feature–condition tests are significant after Benjamini–Hochberg correction at α = {options.Alpha:0.###}; the strongest by effect size follow."
            )
        );
        foreach (var a in significant.Take(options.MaxHighlights))
        {
            sentences.Add(
                a.Kind == VariableKind.Numeric
                    ? DescribeNumeric(a, numeric.First(f => f.Name == a.Feature))
                    : DescribeCategorical(a, categorical.First(f => f.Name == a.Feature))
            );
        }

        if (significant.Count > options.MaxHighlights)
        {
            sentences.Add(
                string.Create(
                    Invariant,
                    $"{significant.Count - options.MaxHighlights} further significant association(s) are listed in the table of tests."
                )
            );
        }

        if (significant.All(a => Math.Abs(a.EffectSize) < WeakEffect))
        {
            sentences.Add(
                string.Create(
                    Invariant,
                    $"Every significant association is weak (effect size below {WeakEffect:0.0#}): detectable in this sample, but small in practice."
                )
            );
        }

        return sentences;
    }

    private static string DescribeNumeric(FeatureAssociation a, NumericFeatureProfile f)
    {
        string direction = a.EffectSize switch
        {
            > 0 => "higher",
            < 0 => "lower",
            _ => "different",
        };
        return string.Create(
            Invariant,
            $"{a.Feature} tends to be {direction} among people with the condition: median {Number(f.WithCondition.Median)} versus {Number(f.WithoutCondition.Median)} without; rank-biserial r = {a.EffectSize:+0.000;-0.000;0.000}, adjusted p = {PValue(a.AdjustedPValue)}."
        );
    }

    private static string DescribeCategorical(FeatureAssociation a, CategoricalFeatureProfile f)
    {
        var levels = f.Levels.Where(l => l.Count > 0).ToList();
        var lowest = levels.MinBy(l => l.ConditionRate)!;
        var highest = levels.MaxBy(l => l.ConditionRate)!;
        return string.Create(
            Invariant,
            $"{a.Feature}: the condition rate ranges from {Percent(lowest.ConditionRate)} for \"{lowest.Name}\" (n = {lowest.Count:N0}) to {Percent(highest.ConditionRate)} for \"{highest.Name}\" (n = {highest.Count:N0}); Cramér's V = {a.EffectSize:0.000}, adjusted p = {PValue(a.AdjustedPValue)}."
        );
    }

    internal static string Percent(double rate) =>
        double.IsNaN(rate) ? "n/a" : (rate * 100).ToString("0.0", Invariant) + "%";

    internal static string Number(double value) =>
        double.IsNaN(value) ? "n/a" : value.ToString("0.##", Invariant);

    internal static string PValue(double p) =>
        double.IsNaN(p) ? "n/a"
        : p < 0.001 ? p.ToString("0.00e+00", Invariant)
        : p.ToString("0.000", Invariant);
}
