using System.Globalization;
using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// The search-space recipe shared by the ML.NET trainers: the defaults first, then seeded
/// random draws (values rounded so that they read well in logs and can collide), with
/// duplicates dropped, up to the budget.
/// </summary>
internal static class SearchSpaceBuilder
{
    // Small discrete spaces can run out of new configurations; stop drawing after this many
    // attempts per requested configuration instead of looping forever.
    private const int AttemptsPerSlot = 50;

    public static IReadOnlyList<HyperParameters> Build(
        int budget,
        int seed,
        HyperParameters defaults,
        Func<Random, HyperParameters> draw
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(budget, 1);
        var result = new List<HyperParameters> { defaults };
        var seen = new HashSet<HyperParameters> { defaults };
        var random = new Random(seed);
        for (
            var attempt = 0;
            result.Count < budget && attempt < budget * AttemptsPerSlot;
            attempt++
        )
        {
            var candidate = draw(random);
            if (seen.Add(candidate))
            {
                result.Add(candidate);
            }
        }
        return result;
    }

    /// <summary>Log-uniform in [low, high], rounded to three significant digits.</summary>
    public static double LogUniform(Random random, double low, double high)
    {
        var value = Math.Exp(
            Math.Log(low) + random.NextDouble() * (Math.Log(high) - Math.Log(low))
        );
        // Through text, so that the logged value is exactly "0.00123", not "0.0012300000000000001".
        var rounded = double.Parse(
            value.ToString("G3", CultureInfo.InvariantCulture),
            NumberStyles.Float,
            CultureInfo.InvariantCulture
        );
        return Math.Clamp(rounded, low, high);
    }

    /// <summary>An integer log-uniform in [low, high] (small values as likely per octave as large ones).</summary>
    public static int LogUniformInt(Random random, int low, int high)
    {
        var value = Math.Exp(
            Math.Log(low) + random.NextDouble() * (Math.Log(high + 1) - Math.Log(low))
        );
        return Math.Clamp((int)Math.Floor(value), low, high);
    }

    /// <summary>Uniform in [low, high], rounded to two decimals.</summary>
    public static double Uniform2(Random random, double low, double high) =>
        Math.Round(low + random.NextDouble() * (high - low), 2);

    /// <summary>Throws when <paramref name="hyperParameters"/> names something not in <paramref name="known"/>.</summary>
    public static void CheckNames(
        HyperParameters hyperParameters,
        string trainer,
        IReadOnlyCollection<string> known
    )
    {
        ArgumentNullException.ThrowIfNull(hyperParameters);
        var unknown = hyperParameters.Values.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Unknown hyperparameter(s) for '{trainer}': {string.Join(", ", unknown)}. Known: {string.Join(", ", known)}.",
                nameof(hyperParameters)
            );
        }
    }
}
