using Microsoft.Win32.SafeHandles;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>Owns an XGBoost <c>DMatrixHandle</c>; released once, by Dispose or as a last resort by the finalizer.</summary>
internal sealed class DMatrixHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    /// <summary>Used by the interop marshaller for <c>out</c> parameters.</summary>
    public DMatrixHandle()
        : base(ownsHandle: true) { }

    protected override bool ReleaseHandle() => XGBoostNative.XGDMatrixFree(handle) == 0;
}
