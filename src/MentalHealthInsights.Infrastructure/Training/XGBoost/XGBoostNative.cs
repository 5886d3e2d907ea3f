using System.Runtime.InteropServices;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>
/// Declarations of the XGBoost 1.7 C API (include/xgboost/c_api.h) that this binding uses.
/// Every <c>int</c>-returning function returns 0 on success and -1 on failure; callers pass the
/// result to <see cref="XGBoostErrors.Check"/>, which reads <see cref="XGBGetLastError"/> on the
/// same thread (the native error text is thread-local).
/// </summary>
/// <remarks>
/// <see cref="XGBGetLastError"/> returns <see cref="IntPtr"/>: declaring it as <c>string</c> makes
/// the marshaller free a buffer the library owns ("double free or corruption").
/// Output buffers (<c>out_result</c>, <c>out_dptr</c>, <c>out_str</c>) belong to the booster and
/// are thread-local to the calling thread; they must be copied before the same thread calls
/// XGBoost again.
/// </remarks>
internal static unsafe partial class XGBoostNative
{
    internal const string LibraryName = "xgboost";

    static XGBoostNative() => XGBoostLibrary.RegisterResolver();

    [LibraryImport(LibraryName)]
    internal static partial IntPtr XGBGetLastError();

    [LibraryImport(LibraryName)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixCreateFromMat(
        float* data,
        ulong rows,
        ulong cols,
        float missing,
        out DMatrixHandle handle
    );

    /// <summary>
    /// Same entry point as <see cref="XGDMatrixCreateFromMat"/> returning a raw handle, for the
    /// single-row prediction path, which frees the matrix in a <c>finally</c> and so avoids
    /// allocating a finalizable <see cref="SafeHandle"/> per call.
    /// </summary>
    [LibraryImport(LibraryName, EntryPoint = "XGDMatrixCreateFromMat")]
    internal static partial int XGDMatrixCreateFromMatRaw(
        float* data,
        ulong rows,
        ulong cols,
        float missing,
        out IntPtr handle
    );

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(
        DMatrixHandle handle,
        string field,
        float* array,
        ulong length
    );

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixFree(IntPtr handle);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumRow(DMatrixHandle handle, out ulong rows);

    [LibraryImport(LibraryName)]
    internal static partial int XGDMatrixNumCol(DMatrixHandle handle, out ulong cols);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterCreate(
        IntPtr* cacheMatrices,
        ulong length,
        out BoosterHandle handle
    );

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterFree(IntPtr handle);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterUpdateOneIter(
        BoosterHandle handle,
        int iteration,
        DMatrixHandle train
    );

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterEvalOneIter(
        BoosterHandle handle,
        int iteration,
        IntPtr* matrices,
        byte** names,
        ulong length,
        out IntPtr result
    );

    /// <summary>
    /// <c>optionMask</c>: 0 probability, 1 margin, 4 feature contributions (TreeSHAP);
    /// <c>treeLimit</c> 0 uses every tree; <c>training</c> 0 means inference (no dropout).
    /// </summary>
    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterPredict(
        BoosterHandle handle,
        DMatrixHandle matrix,
        int optionMask,
        uint treeLimit,
        int training,
        out ulong length,
        out float* result
    );

    /// <summary>
    /// Prediction configured by JSON, e.g. <c>{"type":0,"training":false,"iteration_begin":0,
    /// "iteration_end":k,"strict_shape":false}</c> (type 0: transformed output); iteration_end 0
    /// uses every round. The shape and result buffers belong to the booster (thread-local).
    /// </summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterPredictFromDMatrix(
        BoosterHandle handle,
        DMatrixHandle matrix,
        string config,
        out ulong* shape,
        out ulong dimension,
        out float* result
    );

    /// <summary>Same entry point as <see cref="XGBoosterPredict"/> taking a raw matrix handle.</summary>
    [LibraryImport(LibraryName, EntryPoint = "XGBoosterPredict")]
    internal static partial int XGBoosterPredictRaw(
        BoosterHandle handle,
        IntPtr matrix,
        int optionMask,
        uint treeLimit,
        int training,
        out ulong length,
        out float* result
    );

    /// <summary>Writes the model to a file; a name ending in <c>.json</c> selects JSON.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModel(BoosterHandle handle, string fileName);

    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterLoadModel(BoosterHandle handle, string fileName);

    /// <summary><c>config</c> selects the format, e.g. <c>{"format":"json"}</c>.</summary>
    [LibraryImport(LibraryName, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(
        BoosterHandle handle,
        string config,
        out ulong length,
        out byte* data
    );

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterLoadModelFromBuffer(
        BoosterHandle handle,
        byte* data,
        ulong length
    );

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterGetNumFeature(BoosterHandle handle, out ulong features);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterBoostedRounds(BoosterHandle handle, out int rounds);

    [LibraryImport(LibraryName)]
    internal static partial int XGBoosterSaveJsonConfig(
        BoosterHandle handle,
        out ulong length,
        out byte* json
    );
}
