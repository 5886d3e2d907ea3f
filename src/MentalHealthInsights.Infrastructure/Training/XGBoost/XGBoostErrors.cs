using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>Turns a failed C API return code into an <see cref="XGBoostException"/>.</summary>
internal static class XGBoostErrors
{
    /// <summary>
    /// Throws when <paramref name="returnCode"/> is non-zero. Must run on the thread that made the
    /// call, straight after it: the library keeps the last error per thread.
    /// </summary>
    internal static void Check(int returnCode)
    {
        if (returnCode != 0)
        {
            throw XGBoostException.FromNative(
                Marshal.PtrToStringUTF8(XGBoostNative.XGBGetLastError())
            );
        }
    }
}
