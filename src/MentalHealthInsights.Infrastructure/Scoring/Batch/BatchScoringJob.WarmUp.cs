using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Runtime.CompilerServices;
using MentalHealthInsights.Core.Scoring;
using nietras.SeparatedValues;

namespace MentalHealthInsights.Infrastructure.Scoring.Batch;

public sealed partial class BatchScoringJob
{
    /// <summary>
    /// Starts compiling the job's row path on a background thread, to be called before the
    /// model is loaded: a process that is about to score spends its first ≈ 0.15 s on one thread
    /// (runtime start, command line, bundle loading and verification) while the second core
    /// idles, and the scoring threads then compiled their methods one after another before the
    /// first row. The task never faults and nothing waits for it: a method it has not reached yet
    /// is compiled on first use as before.
    /// </summary>
    /// <returns>The warm-up, for tests and benchmarks; the job does not need it to finish.</returns>
    public static Task WarmUpAsync() =>
        Task.Factory.StartNew(
            () =>
            {
#pragma warning disable CA1031 // A warm-up only saves time: what fails here fails again, and is reported, where the job uses it.
                try
                {
                    WarmUp();
                }
                catch (Exception) { }
#pragma warning restore CA1031
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );

    /// <summary>
    /// Compiles every <see cref="MethodImplOptions.AggressiveOptimization"/> method of the scoring
    /// assemblies (the row path: reading, checking, preprocessing, trees, pseudonyms, formatting
    /// — those methods never run ReadyToRun code, so each is compiled once, fully optimised, on
    /// first use), generic ones for the batch's row type, and reads a two-line CSV through Sep
    /// with the job's options.
    /// </summary>
    /// <returns>The methods compiled, as <c>Type.Method</c>.</returns>
    internal static IReadOnlyList<string> WarmUp()
    {
        var prepared = new List<string>();
        foreach (var assembly in new[] { typeof(Predictor).Assembly, typeof(BatchPlan).Assembly })
        {
            foreach (var method in AggressivelyOptimised(assembly))
            {
                if (TryPrepare(method))
                {
                    prepared.Add($"{method.DeclaringType?.Name}.{method.Name}");
                }
            }
        }

        using var sep = BatchPlan.SepOptions.From(new StringReader("a,b\n1,2\n"));
        foreach (var row in sep)
        {
            _ = row[1].Span.Length;
        }

        return prepared;
    }

    // Found in the assembly's metadata rather than through Assembly.GetTypes, which would load
    // every type — and with them the assemblies of their base types (ML.NET, Quartz, the AWS SDK,
    // …), which scoring never touches.
    private static unsafe List<MethodBase> AggressivelyOptimised(Assembly assembly)
    {
        if (!assembly.TryGetRawMetadata(out var blob, out var length))
        {
            return [];
        }

        var reader = new MetadataReader(blob, length);
        var methods = new List<MethodBase>();
        foreach (var handle in reader.MethodDefinitions)
        {
            var definition = reader.GetMethodDefinition(handle);
            if (
                (definition.ImplAttributes & MethodImplAttributes.AggressiveOptimization) != 0
                && assembly.ManifestModule.ResolveMethod(MetadataTokens.GetToken(handle))
                    is { } method
            )
            {
                methods.Add(method);
            }
        }

        return methods;
    }

    private static bool TryPrepare(MethodBase method)
    {
        if (method.IsAbstract || method.DeclaringType is not { ContainsGenericParameters: false })
        {
            return false;
        }

        if (!method.IsGenericMethodDefinition)
        {
            RuntimeHelpers.PrepareMethod(method.MethodHandle);
            return true;
        }

        // The row checks are generic over the row type: compile the batch's instantiation.
        var parameters = method.GetGenericArguments();
        if (
            parameters.Length != 1
            || !parameters[0]
                .GetGenericParameterConstraints()
                .All(c => c.IsAssignableFrom(typeof(BatchTextRowFields)))
        )
        {
            return false;
        }

        RuntimeHelpers.PrepareMethod(method.MethodHandle, [typeof(BatchTextRowFields).TypeHandle]);
        return true;
    }
}
