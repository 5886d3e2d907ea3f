using Microsoft.Win32.SafeHandles;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// Owns an XGBoost <c>BoosterHandle</c>. Each native call passing it takes a reference, so
/// disposing while another thread predicts defers the free until that call returns, and calls
/// after disposal throw <see cref="ObjectDisposedException"/> instead of touching freed memory.
/// </summary>
internal sealed class BoosterHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <c>out</c> parameters.</summary>
    public BoosterHandle()
        : base(ownsHandle: true) { }

    protected override bool ReleaseHandle() => XGBoostNative.XGBoosterFree(handle) == 0;
}
