using System.Diagnostics.CodeAnalysis;

namespace MentalHealthInsights.Server.Serving;

/// <summary>
/// The one place the served model lives. Swaps are atomic (one reference exchange): a request
/// sees either the old or the new model, never a mix, and finishes on the one it leased.
/// </summary>
internal sealed class ModelSlot : IDisposable
{
    private ServedModel? _current;

    /// <summary>The served model right now, for metadata (not for scoring: lease it).</summary>
    public ServedModel? Current => Volatile.Read(ref _current);

    /// <summary>True once a verified model is loaded.</summary>
    public bool IsReady => Current is not null;

    /// <summary>Leases the current model; false while none is loaded.</summary>
    public bool TryLease([NotNullWhen(true)] out ModelLease? lease)
    {
        while (true)
        {
            var model = Volatile.Read(ref _current);
            if (model is null)
            {
                lease = null;
                return false;
            }
            // A reload may have released this model between the read and here: read again.
            if (model.TryAddReference())
            {
                lease = new ModelLease(model);
                return true;
            }
        }
    }

    /// <summary>Serves <paramref name="next"/> from now on; returns the previous model (already released by the slot).</summary>
    public ServedModel? Swap(ServedModel next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var previous = Interlocked.Exchange(ref _current, next);
        previous?.Release();
        return previous;
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();
}
