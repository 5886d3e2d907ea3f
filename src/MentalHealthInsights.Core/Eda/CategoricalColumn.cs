namespace MentalHealthInsights.Core.Eda;

/// <summary>A categorical column encoded as level codes 0…Levels.Count−1, one per record.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Levels">Level names in report order.</param>
/// <param name="Codes">Each record's level index.</param>
internal sealed record CategoricalColumn(string Name, IReadOnlyList<string> Levels, int[] Codes)
{
    /// <summary>Counts table: rows are this column's levels, columns are <paramref name="other"/>'s.</summary>
    public long[,] CrossTabulate(CategoricalColumn other)
    {
        var table = new long[Levels.Count, other.Levels.Count];
        for (int i = 0; i < Codes.Length; i++)
        {
            table[Codes[i], other.Codes[i]]++;
        }

        return table;
    }
}
