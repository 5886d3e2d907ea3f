using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Training.MlNet;

/// <summary>
/// The extra zip entry in a random forest's model file: how many training rows ended in each
/// leaf of each tree, <c>{"trees":[[n₀,n₁,…],…]}</c>. ML.NET's model keeps no node statistics,
/// and the explanation needs them.
/// </summary>
internal static class LeafCountsEntry
{
    public const string Name = "MentalHealthInsights/LeafCounts.json";

    public static byte[] Write(int[][] counts)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("trees");
            foreach (var tree in counts)
            {
                writer.WriteStartArray();
                foreach (var count in tree)
                {
                    writer.WriteNumberValue(count);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }

    public static int[][] Read(byte[] json, CompiledForest forest)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var trees = document.RootElement.GetProperty("trees");
            var counts = trees
                .EnumerateArray()
                .Select(t => t.EnumerateArray().Select(c => c.GetInt32()).ToArray())
                .ToArray();
            if (
                counts.Length != forest.Trees.Count
                || counts
                    .Where((c, i) => c.Length != forest.Trees[i].Leaves || c.Any(n => n < 0))
                    .Any()
            )
            {
                throw new InvalidDataException("The leaf counts do not match the forest.");
            }
            return counts;
        }
        catch (Exception e)
            when (e
                    is JsonException
                        or KeyNotFoundException
                        or InvalidOperationException
                        or FormatException
            )
        {
            throw new InvalidDataException("The leaf counts entry is not valid.", e);
        }
    }
}
