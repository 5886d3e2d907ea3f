using System.Globalization;
using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>Parses step inputs; a bad value fails the step (not retried) with the parameter's name.</summary>
internal static class StepParameters
{
    public static int Int(PipelineStepContext context, string name, int minimum)
    {
        var text = context.Input(name);
        return
            int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value >= minimum
            ? value
            : throw new PipelineStepException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"parameter {name} must be an integer of at least {minimum}."
                )
            );
    }

    /// <summary>A number in [<paramref name="minimum"/>, <paramref name="maximum"/>] (invariant culture).</summary>
    public static double Number(
        PipelineStepContext context,
        string name,
        double minimum,
        double maximum
    )
    {
        var text = context.Input(name);
        return
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && value >= minimum
            && value <= maximum
            ? value
            : throw new PipelineStepException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"parameter {name} must be a number in [{minimum}, {maximum}]."
                )
            );
    }

    public static string FullPath(PipelineStepContext context, string name) =>
        Path.GetFullPath(context.Input(name));

    /// <summary>The outputs as a dictionary (ordinal keys).</summary>
    public static Dictionary<string, string> Values(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>True when every path exists (cached outputs can be reused only then).</summary>
    public static bool FilesExist(
        IReadOnlyDictionary<string, string> outputs,
        params string[] keys
    ) => keys.All(k => outputs.TryGetValue(k, out var path) && File.Exists(path));
}
