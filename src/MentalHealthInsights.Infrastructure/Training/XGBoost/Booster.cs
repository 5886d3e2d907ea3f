using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using static MentalHealthInsights.Infrastructure.Training.XGBoost.XGBoostErrors;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// A thin, checked wrapper over a native booster. It adds no behaviour of its own: every member is
/// one C API call plus copying the library-owned output into managed memory.
/// </summary>
/// <remarks>
/// Thread safety follows the library: predictions and serialisation may run concurrently on one
/// booster (their output buffers are per thread); setting parameters, loading and training must
/// not overlap with anything else on the same booster.
/// </remarks>
internal sealed unsafe class Booster : IDisposable
{
    private const string JsonFormatConfig = """{"format":"json"}""";

    private Booster(BoosterHandle handle) => Handle = handle;

    internal BoosterHandle Handle { get; }

    internal long FeatureCount
    {
        get
        {
            Check(XGBoostNative.XGBoosterGetNumFeature(Handle, out var features));
            return checked((long)features);
        }
    }

    internal int BoostedRounds
    {
        get
        {
            Check(XGBoostNative.XGBoosterBoostedRounds(Handle, out var rounds));
            return rounds;
        }
    }

    /// <summary>
    /// Creates a booster; <paramref name="cache"/> (the training matrix, as Python's xgb.train
    /// passes it) lets the library size the model from it before the first round.
    /// </summary>
    internal static Booster Create(DMatrix? cache)
    {
        BoosterHandle handle;
        int rc;
        if (cache is null)
        {
            rc = XGBoostNative.XGBoosterCreate(null, 0, out handle);
        }
        else
        {
            var added = false;
            try
            {
                cache.Handle.DangerousAddRef(ref added);
                var raw = cache.Handle.DangerousGetHandle();
                rc = XGBoostNative.XGBoosterCreate(&raw, 1, out handle);
            }
            finally
            {
                if (added)
                {
                    cache.Handle.DangerousRelease();
                }
            }
        }

        if (rc != 0)
        {
            handle.Dispose();
            Check(rc);
        }

        return new Booster(handle);
    }

    internal void SetParam(string name, string value) =>
        Check(XGBoostNative.XGBoosterSetParam(Handle, name, value));

    internal void UpdateOneIter(int iteration, DMatrix train) =>
        Check(XGBoostNative.XGBoosterUpdateOneIter(Handle, iteration, train.Handle));

    /// <summary>Evaluates the configured metric on <paramref name="matrix"/>, e.g. "[3]\ttrain-logloss:0.41".</summary>
    internal string EvalOneIter(int iteration, DMatrix matrix, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name + "\0");
        var added = false;
        try
        {
            matrix.Handle.DangerousAddRef(ref added);
            var raw = matrix.Handle.DangerousGetHandle();
            fixed (byte* namePointer = nameBytes)
            {
                var names = namePointer;
                Check(
                    XGBoostNative.XGBoosterEvalOneIter(
                        Handle,
                        iteration,
                        &raw,
                        &names,
                        1,
                        out var result
                    )
                );
                return Marshal.PtrToStringUTF8(result) ?? string.Empty;
            }
        }
        finally
        {
            if (added)
            {
                matrix.Handle.DangerousRelease();
            }
        }
    }

    internal float[] Predict(DMatrix matrix, PredictionKind kind)
    {
        Check(
            XGBoostNative.XGBoosterPredict(
                Handle,
                matrix.Handle,
                (int)kind,
                0,
                0,
                out var length,
                out var result
            )
        );
        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }

    /// <summary>
    /// P(y = 1) per row from the first <paramref name="iterationEnd"/> boosting rounds only
    /// (XGBoost's <c>iteration_range=(0, k)</c>): the predictions of the model that stopped
    /// after k rounds.
    /// </summary>
    internal float[] PredictProbabilities(DMatrix matrix, int iterationEnd)
    {
        var config = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"type":0,"training":false,"iteration_begin":0,"iteration_end":{{iterationEnd}},"strict_shape":false}"""
        );
        Check(
            XGBoostNative.XGBoosterPredictFromDMatrix(
                Handle,
                matrix.Handle,
                config,
                out var shape,
                out var dimension,
                out var result
            )
        );
        ulong length = 1;
        for (ulong d = 0; d < dimension; d++)
        {
            length *= shape[d];
        }

        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }

    /// <summary>
    /// Predicts one row without managed allocations: the matrix handle stays raw and is freed in
    /// <c>finally</c>. The caller has checked that <paramref name="row"/> has one value per feature.
    /// </summary>
    internal float PredictSingle(ReadOnlySpan<float> row, PredictionKind kind)
    {
        IntPtr matrix;
        fixed (float* data = row)
        {
            Check(
                XGBoostNative.XGDMatrixCreateFromMatRaw(
                    data,
                    1,
                    (ulong)row.Length,
                    float.NaN,
                    out matrix
                )
            );
        }

        try
        {
            Check(
                XGBoostNative.XGBoosterPredictRaw(
                    Handle,
                    matrix,
                    (int)kind,
                    0,
                    0,
                    out var length,
                    out var result
                )
            );
            if (length != 1)
            {
                throw new XGBoostException(
                    "XGBoost returned an unexpected number of predictions for one row."
                );
            }

            return result[0];
        }
        finally
        {
            _ = XGBoostNative.XGDMatrixFree(matrix);
        }
    }

    /// <summary>The model in XGBoost's JSON format (the bytes Python's <c>save_model("m.json")</c> writes).</summary>
    internal byte[] SaveJson()
    {
        Check(
            XGBoostNative.XGBoosterSaveModelToBuffer(
                Handle,
                JsonFormatConfig,
                out var length,
                out var data
            )
        );
        return new ReadOnlySpan<byte>(data, checked((int)length)).ToArray();
    }

    /// <summary>Loads a model from JSON (or any other format the library recognises).</summary>
    internal void LoadFromBuffer(ReadOnlySpan<byte> model)
    {
        fixed (byte* data = model)
        {
            Check(XGBoostNative.XGBoosterLoadModelFromBuffer(Handle, data, (ulong)model.Length));
        }
    }

    /// <summary>Native file save; the library picks JSON only when the name ends in ".json".</summary>
    internal void SaveModel(string path) => Check(XGBoostNative.XGBoosterSaveModel(Handle, path));

    internal void LoadModel(string path) => Check(XGBoostNative.XGBoosterLoadModel(Handle, path));

    /// <summary>The learner's full configuration (all parameters, defaults included) as JSON.</summary>
    internal string SaveJsonConfig()
    {
        Check(XGBoostNative.XGBoosterSaveJsonConfig(Handle, out var length, out var json));
        return Encoding.UTF8.GetString(json, checked((int)length));
    }

    public void Dispose() => Handle.Dispose();
}
