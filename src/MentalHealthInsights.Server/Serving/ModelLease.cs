namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// A request's hold on the model it started with (<c>using var lease = …</c>): the model stays
/// alive until the lease is disposed, even when a reload swapped it out meanwhile.
/// </summary>
internal sealed class ModelLease : IDisposable
{
    private ServedModel? _model;

    public ModelLease(ServedModel model) => _model = model;

    /// <summary>The leased model.</summary>
    public ServedModel Model => _model ?? throw new ObjectDisposedException(nameof(ModelLease));

    public void Dispose() => Interlocked.Exchange(ref _model, null)?.Release();
}
