using System.Globalization;
using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Scoring.Bundles;
using MentalHealthInsights.Core.Tracking;
using MentalHealthInsights.Infrastructure.Scoring;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Infrastructure.Tracking.Sqlite;

namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// Loads what <see cref="ServingOptions.Model"/> names through the shared resolver (the bundle's
/// manifest is verified on load), then scores a fixed probe record to prove the model works
/// before anyone is served by it.
/// </summary>
internal sealed class ModelLoader(ServingOptions options, TimeProvider time)
{
    private const string Scheme = ModelReferenceResolver.Scheme;

    // A plain, complete record; the probe checks that the model answers with a probability and
    // an explanation (so a model that cannot explain is refused before it serves, and lazily
    // built state — an XGBoost model's TreeSHAP tables — is built here, not in a request).
    private static readonly MentalHealthRecord Probe = new()
    {
        UserId = "probe",
        Age = 35,
        Gender = "Female",
        Occupation = "IT",
        Country = "UK",
        HasCondition = false,
        ConsultationHistory = false,
        StressLevel = "Medium",
        SleepHours = 7,
        WorkHours = 40,
        PhysicalActivityHours = 3,
    };

    private readonly Lazy<TrackingBackend> _backend = new(() =>
        TrackingBackendFactory.Create(
            TrackingBackendFactory.EnvironmentOptions(options.TrackingUri),
            time
        )
    );

    /// <summary>The configured reference.</summary>
    public string Reference => options.Model;

    /// <summary>The tracking backend (opened on first use), or null when serving a bundle path.</summary>
    public TrackingBackend? Backend => IsRegistryReference ? _backend.Value : null;

    private bool IsRegistryReference => options.Model.StartsWith(Scheme, StringComparison.Ordinal);

    /// <summary>Loads, verifies and probes the model.</summary>
    /// <exception cref="ModelLoadException">Anything that stops the model from being served, as one message.</exception>
    public async Task<ServedModel> LoadAsync(CancellationToken cancellationToken)
    {
        ResolvedModel resolved;
        try
        {
            var fingerprint = await FingerprintAsync(cancellationToken);
            resolved = IsRegistryReference
                ? await new ModelReferenceResolver(_backend.Value).ResolveAsync(
                    options.Model,
                    options.ResolvedCacheDirectory,
                    cancellationToken
                )
                : new ResolvedModel(ModelBundleReader.Load(options.Model), null);
            return Probed(
                new ServedModel(
                    resolved.Bundle,
                    resolved.Version,
                    options.Model,
                    fingerprint,
                    time.GetUtcNow()
                )
            );
        }
        catch (Exception ex) when (IsLoadFailure(ex))
        {
            throw new ModelLoadException($"{options.Model} could not be loaded: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// What the reference names right now, cheaply: the registry version for <c>models:/</c>,
    /// the manifest's (or archive's) size and write time for a path.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken)
    {
        if (IsRegistryReference)
        {
            var parsed =
                ModelReference.TryParse(options.Model[Scheme.Length..])
                ?? throw new TrackingException(
                    TrackingErrorCode.InvalidParameterValue,
                    $"'{options.Model}' must be {Scheme}NAME@ALIAS or {Scheme}NAME/VERSION."
                );
            var version = await parsed.FindAsync(_backend.Value.Registry, cancellationToken);
            return version.Name + "/" + version.Version.ToString(CultureInfo.InvariantCulture);
        }
        var file = Directory.Exists(options.Model)
            ? new FileInfo(Path.Combine(options.Model, "manifest.json"))
            : new FileInfo(options.Model);
        return file.Exists
            ? file.Length.ToString(CultureInfo.InvariantCulture)
                + "@"
                + file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
            : "missing";
    }

    /// <summary>True for the failures a reload reports and survives.</summary>
    public static bool IsLoadFailure(Exception ex) =>
        ex
            is ModelBundleException
                or TrackingException
                or IOException
                or UnauthorizedAccessException
                or NotSupportedException
                or ArgumentException
                or InvalidOperationException
                or HttpRequestException
                or System.Text.Json.JsonException;

    private static ServedModel Probed(ServedModel model)
    {
        double probability;
        try
        {
            probability = model.Predictor.Predict(Probe).Probability;
        }
        catch
        {
            model.Release();
            throw;
        }
        if (!(probability is >= 0 and <= 1))
        {
            model.Release();
            throw new InvalidOperationException(
                "the model's probe prediction is not a probability in [0, 1]."
            );
        }
        return model;
    }
}
