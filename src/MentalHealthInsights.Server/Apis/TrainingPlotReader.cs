using System.Globalization;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;
using MentalHealthInsights.Server.Apis.Contracts;

namespace MentalHealthInsights.Server.Apis;

/// <summary>
/// The training plots of a registered version. Its model run's parent (the training run) keeps
/// the training report's plots under <see cref="ArtifactFolder"/> as PNG and SVG; the model page
/// shows the SVGs that concern the version: the curves of the whole training (every model of it
/// on one chart, the test set) and its own model's importance, odds-ratio and SHAP charts. Only
/// those file names are ever read (a fixed list, never a name taken from the request), so a
/// request cannot reach any other artifact. Finished runs never change: each training run's
/// listing and each plot are read once and cached (a bounded number). An artifact store that
/// is down lists nothing (the page says the plots are not available) and is never cached.
/// </summary>
internal static class TrainingPlotReader
{
    /// <summary>Where the training run keeps the report's plots.</summary>
    public const string ArtifactFolder = "report/plots";

    /// <summary>Largest plot served, in bytes (the report's SVGs are 15–50 KB).</summary>
    public const int MaxPlotBytes = 4 * 1024 * 1024;

    // File stems as TrainingPlots names them (TrainingPlots.Curves/Explanations).
    private static readonly (string Stem, string Title)[] TrainingWide =
    [
        ("roc-curves", "ROC curves of every model of this training (test set)"),
        (
            "precision-recall-curves",
            "Precision–recall curves of every model of this training (test set)"
        ),
        ("calibration", "Calibration of every model of this training (test set)"),
    ];

    private static readonly (string Prefix, string Title)[] PerModel =
    [
        ("importance-", "Permutation importance of each column for {0} (test set)"),
        ("odds-ratios-", "Odds ratios with 95 % intervals for {0}"),
        ("shap-", "Mean |SHAP| of each column for {0}"),
    ];

    private static readonly RunArtifactCache<IReadOnlySet<string>> Listings = new(64);

    private static readonly RunArtifactCache<byte[]> Files = new(64);

    /// <summary>
    /// The plots a version of model type <paramref name="modelType"/> may show, in the page's
    /// order: file stem and title. Only these stems are ever looked up.
    /// </summary>
    public static IReadOnlyList<(string Stem, string Title)> Candidates(string? modelType)
    {
        var candidates = new List<(string, string)>(TrainingWide);
        if (modelType is { Length: > 0 } && IsSafeStem(modelType))
        {
            foreach (var (prefix, title) in PerModel)
            {
                candidates.Add(
                    (
                        prefix + modelType,
                        string.Format(CultureInfo.InvariantCulture, title, modelType)
                    )
                );
            }
        }
        return candidates;
    }

    /// <summary>
    /// The plots of <paramref name="modelRun"/>'s training run that concern its model, each with
    /// the URL the server answers it at; empty when none are available or the store is down.
    /// </summary>
    public static async Task<IReadOnlyList<TrainingPlotItem>> ListAsync(
        TrackingBackend backend,
        Run modelRun,
        string? modelType,
        int version,
        CancellationToken cancellationToken
    )
    {
        if (modelRun.ParentRunId is not { } parentId)
        {
            return [];
        }
        var present = await ListSvgStemsAsync(backend, parentId, cancellationToken);
        if (present.Count == 0)
        {
            return [];
        }
        var items = new List<TrainingPlotItem>();
        foreach (var (stem, title) in Candidates(modelType))
        {
            if (present.Contains(stem))
            {
                items.Add(
                    new TrainingPlotItem(
                        stem,
                        title,
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"/v1/registry/versions/{version}/plots/{stem}.svg"
                        )
                    )
                );
            }
        }
        return items;
    }

    /// <summary>
    /// The SVG of plot <paramref name="stem"/> of <paramref name="modelRun"/>'s training run, or
    /// null when it is not one of the version's plots or does not exist. Throws what the
    /// artifact store throws when it cannot be read (<see cref="Serving.ModelLoader.IsLoadFailure"/>).
    /// </summary>
    public static async Task<byte[]?> ReadSvgAsync(
        TrackingBackend backend,
        Run modelRun,
        string? modelType,
        string stem,
        CancellationToken cancellationToken
    )
    {
        if (
            modelRun.ParentRunId is not { } parentId
            || !Candidates(modelType).Any(c => c.Stem == stem)
        )
        {
            return null;
        }
        var key = parentId + "/" + stem;
        if (Files.TryGetValue(key, out var cached))
        {
            return cached;
        }
        var present = await ListSvgStemsAsync(backend, parentId, cancellationToken);
        if (!present.Contains(stem))
        {
            return null;
        }
        var bytes = await RunArtifactFile.ReadAsync(
            backend,
            parentId,
            $"{ArtifactFolder}/{stem}.svg",
            MaxPlotBytes,
            cancellationToken
        );
        if (bytes is null)
        {
            return null;
        }
        Files.Set(key, bytes);
        return bytes;
    }

    private static async Task<IReadOnlySet<string>> ListSvgStemsAsync(
        TrackingBackend backend,
        string parentId,
        CancellationToken cancellationToken
    )
    {
        if (Listings.TryGetValue(parentId, out var cached))
        {
            return cached;
        }
        var parent = await backend.Tracking.GetRunAsync(parentId, cancellationToken);
        var entries = await backend.Artifacts.ListArtifactsAsync(
            parent.Info.ArtifactUri,
            ArtifactFolder,
            cancellationToken
        );
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.Path[(entry.Path.LastIndexOf('/') + 1)..];
            if (
                !entry.IsDirectory
                && entry.FileSize is null or <= MaxPlotBytes
                && name.EndsWith(".svg", StringComparison.Ordinal)
            )
            {
                stems.Add(name[..^".svg".Length]);
            }
        }
        // A run whose plots are not uploaded yet lists nothing; ask again next time.
        if (stems.Count > 0)
        {
            Listings.Set(parentId, stems);
        }
        return stems;
    }

    /// <summary>Letters, digits, '-' and '_' (as the report's file stems).</summary>
    private static bool IsSafeStem(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
