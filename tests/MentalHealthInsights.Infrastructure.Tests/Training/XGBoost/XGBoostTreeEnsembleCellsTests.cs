using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>The TreeSHAP cells on rows with a missing value, and their cost per call.</summary>
public sealed class XGBoostTreeEnsembleCellsTests
{
    [Fact]
    public void Cells_RowsWithOneMissingValue_AnswerAsWithoutCells()
    {
        var (json, ensemble) = Celled(5, 40, 0.2, 44);
        var rows = CellTestRows.OnAndBesideThresholds(json, 5, 44, 500);
        var random = new Random(44);
        for (var r = 0; r < 500; r++)
        {
            rows[(r * 5) + random.Next(5)] = float.NaN;
        }

        Assert.Equal(
            0,
            XGBoostTreeEnsembleShapCellsTests.CountMismatchesWithTables(ensemble, rows, 5)
        );
    }

    [Fact]
    public void Cells_AnsweredRows_AllocateNothing()
    {
        var (json, ensemble) = Celled(6, 60, 0.1, 48);
        var rows = CellTestRows.OnAndBesideThresholds(json, 6, 48, 200);
        var phi = new float[7];
        ensemble.Contributions(rows.AsSpan(0, 6), phi);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < 200; r++)
        {
            ensemble.Contributions(rows.AsSpan(r * 6, 6), phi);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    // A depth-4 model with cells built for every tree, and its JSON.
    private static (byte[] Json, XGBoostTreeEnsemble Ensemble) Celled(
        int cols,
        int rounds,
        double missing,
        int seed
    )
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(cols, 4, rounds, missing, seed, 1000);
        using var owned = model;
        var json = model.ToJson();
        var ensemble = BudgetedEnsemble.Parse(
            json,
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );
        Assert.Equal(ensemble.TreeCount, ensemble.ShapCellTreeCount);
        return (json, ensemble);
    }
}
