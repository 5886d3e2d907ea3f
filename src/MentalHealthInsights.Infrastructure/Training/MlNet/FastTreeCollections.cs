using System.Reflection;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// Turns off the full garbage collections ML.NET's FastTree trainers force in every fit. ML.NET
/// 5 sets a protected field <c>AllowGC</c> to true in <c>FastTreeTrainerBase</c>'s constructor;
/// while it is true each fit calls <c>GC.Collect(2, Forced)</c> twice after building its data
/// set and then <c>GC.GetTotalMemory(true)</c> (another full collection, repeated until the heap
/// stops shrinking) only to write the heap size to a trace channel. Those are blocking
/// collections of the whole process: every managed thread stops — the other models' fits
/// searching beside the forest included — once per forest fit, and the search fits ≈ 50
/// forests. They change no number (the trees do not depend on when memory is reclaimed; a test
/// compares the model files), so the field is set to false by reflection. If a future ML.NET
/// renames it, <see cref="Disable"/> returns false and fits stay correct, only slower; a test
/// pins the field so an upgrade shows it.
/// </summary>
internal static class FastTreeCollections
{
    // Looked up once: the field is declared by the trainer's generic base class.
    private static readonly FieldInfo? Field = AllowGC(typeof(FastForestBinaryTrainer));

    /// <summary>Sets the trainer's <c>AllowGC</c> to false; false when the field was not found.</summary>
    public static bool Disable(FastForestBinaryTrainer trainer)
    {
        Field?.SetValue(trainer, false);
        return Field is not null;
    }

    /// <summary>The trainer's current <c>AllowGC</c>, or null when the field was not found.</summary>
    public static bool? Allowed(FastForestBinaryTrainer trainer) => (bool?)Field?.GetValue(trainer);

    private static FieldInfo? AllowGC(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(FastTreeTrainerBase<,,>))
            {
                var field = t.GetField(
                    "AllowGC",
                    BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public
                );
                return field?.FieldType == typeof(bool) ? field : null;
            }
        }

        return null;
    }
}
