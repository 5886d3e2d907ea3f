using MentalHealthInsights.Core.Pipelines;

namespace MentalHealthInsights.Infrastructure.Pipelines.Training;

/// <summary>Helpers of the steps: full paths, output dictionaries, cached files. Typed parameters are read through <see cref="PipelineParameterKind{T}"/>.</summary>
internal static class StepParameters
{
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
