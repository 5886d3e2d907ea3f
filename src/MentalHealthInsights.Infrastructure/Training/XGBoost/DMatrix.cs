using static MentalHealthInsights.Infrastructure.Training.XGBoost.XGBoostErrors;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// A native XGBoost data matrix built from a dense row-major float matrix; NaN marks a missing
/// value. The library copies the values, so the caller's memory is only pinned for the call.
/// Callers validate shapes first (see <see cref="XGBoostInput"/>).
/// </summary>
internal sealed unsafe class DMatrix : IDisposable
{
    private DMatrix(DMatrixHandle handle) => Handle = handle;

    internal DMatrixHandle Handle { get; }

    internal long RowCount
    {
        get
        {
            Check(XGBoostNative.XGDMatrixNumRow(Handle, out var rows));
            return checked((long)rows);
        }
    }

    internal long ColumnCount
    {
        get
        {
            Check(XGBoostNative.XGDMatrixNumCol(Handle, out var cols));
            return checked((long)cols);
        }
    }

    internal static DMatrix FromDense(ReadOnlySpan<float> values, int rows, int cols)
    {
        DMatrixHandle handle;
        int rc;
        fixed (float* data = values)
        {
            rc = XGBoostNative.XGDMatrixCreateFromMat(
                data,
                (ulong)rows,
                (ulong)cols,
                float.NaN,
                out handle
            );
        }

        if (rc != 0)
        {
            handle.Dispose();
            Check(rc);
        }

        return new DMatrix(handle);
    }

    /// <summary>Sets a per-row float field: "label" or "weight".</summary>
    internal void SetFloatInfo(string field, ReadOnlySpan<float> values)
    {
        fixed (float* data = values)
        {
            Check(XGBoostNative.XGDMatrixSetFloatInfo(Handle, field, data, (ulong)values.Length));
        }
    }

    public void Dispose() => Handle.Dispose();
}
