using System.Globalization;
using MentalHealthInsights.Core.Registry;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Infrastructure.Scoring.Bundles;
using MentalHealthInsights.Server.Apis.Contracts;

namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// One loaded, verified model as the server serves it, reference-counted so that a reload can
/// swap it out while requests still use it: the slot holds one reference, each request a lease;
/// the bundle (the booster's native memory) is disposed when the last one is released.
/// </summary>
internal sealed class ServedModel
{
    private int _references = 1;

    public ServedModel(
        LoadedModelBundle bundle,
        ModelVersion? version,
        string reference,
        string fingerprint,
        DateTimeOffset loadedAt
    )
    {
        Bundle = bundle;
        Version = version;
        Reference = reference;
        Fingerprint = fingerprint;
        LoadedAt = loadedAt;
        Predictor = new Predictor(bundle.Preprocessor, bundle.Model, bundle.Metadata.Threshold);
        Name = version?.Name ?? bundle.Metadata.ModelName;
        VersionText = version?.Version.ToString(CultureInfo.InvariantCulture) ?? "bundle";
        Identity = new ModelIdentity(Name, VersionText);
    }

    /// <summary>Name and version, as every answer carries them (one instance, no per-request allocation).</summary>
    public ModelIdentity Identity { get; }

    public LoadedModelBundle Bundle { get; }

    public ModelVersion? Version { get; }

    /// <summary>The reference it was loaded from (e.g. models:/NAME@champion).</summary>
    public string Reference { get; }

    /// <summary>What the watch compares to see whether the reference now names something else.</summary>
    public string Fingerprint { get; }

    public DateTimeOffset LoadedAt { get; }

    public Predictor Predictor { get; }

    /// <summary>The registered model name, or the bundle's model name for a path.</summary>
    public string Name { get; }

    /// <summary>The registry version ("3"), or "bundle" for a path.</summary>
    public string VersionText { get; }

    /// <summary>True after the model was disposed (for tests).</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>Takes a reference unless the model was already released for good.</summary>
    public bool TryAddReference()
    {
        while (true)
        {
            var current = Volatile.Read(ref _references);
            if (current == 0)
            {
                return false;
            }
            if (Interlocked.CompareExchange(ref _references, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Drops a reference; the last one disposes the bundle.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Bundle.Dispose();
        }
    }
}
