using MentalHealthInsights.Core.Data.Synthetic;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The per-tree cells behind <see cref="XGBoostTreeEnsemble.Contributions"/> for rows without
/// missing values, against the tables they are filled from (TableContributions), bit for bit,
/// on rows that sit exactly on the model's thresholds, just beside them and at ±∞ as well as
/// between them; and against the native library.
/// </summary>
public sealed class XGBoostTreeEnsembleShapCellsTests
{
    private const double NativeTolerance = 1e-6;

    public static TheoryData<int, int, int, double, int> Models => CellTestRows.Models;

    [Theory]
    [MemberData(nameof(Models))]
    public void Contributions_RowsWithoutMissingValues_CellsMatchTablesBitForBit(
        int cols,
        int depth,
        int rounds,
        double missing,
        int seed
    )
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(cols, depth, rounds, missing, seed, 3000);
        using var owned = model;
        var json = model.ToJson();
        var ensemble = BudgetedEnsemble.Parse(
            json,
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );
        Assert.True(ensemble.ShapCellTreeCount > 0, "no tree has cells");
        var rows = CellTestRows.OnAndBesideThresholds(json, cols, seed, 3000);

        var mismatches = CountMismatchesWithTables(ensemble, rows, cols);

        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void Contributions_ServingShapedModel_EveryTreeHasCellsMatchingTablesAndNative()
    {
        // The trainer's defaults (200 rounds, depth 4) on generated records behind the real
        // preprocessor: one-hot columns and a few scaled numeric ones, as served.
        var (preprocessor, matrix) = LabelledMatrix.Generate(5000, 45);
        using var fitted = (XGBoostBinaryModel)
            new XGBoostTrainer().Fit(matrix, HyperParameters.Empty, 45, CancellationToken.None);
        var json = fitted.Model.ToJson();
        var cols = matrix.Columns;
        var ensemble = BudgetedEnsemble.Parse(
            json,
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );
        var records = SyntheticDataGenerator
            .Generate(new SyntheticDataOptions { Rows = 1000, Seed = 46 })
            .ToArray();
        var rows = preprocessor.TransformBatch(records);
        var native = fitted.Model.PredictContributions(rows, records.Length);
        var phi = new float[cols + 1];
        var worst = 0.0;

        Assert.Equal(ensemble.TreeCount, ensemble.ShapCellTreeCount);
        Assert.Equal(0, CountMismatchesWithTables(ensemble, rows, cols));
        Assert.Equal(
            0,
            CountMismatchesWithTables(
                ensemble,
                CellTestRows.OnAndBesideThresholds(json, cols, 45, 1000),
                cols
            )
        );
        for (var r = 0; r < records.Length; r++)
        {
            ensemble.Contributions(rows.AsSpan(r * cols, cols), phi);
            for (var c = 0; c < phi.Length; c++)
            {
                worst = Math.Max(worst, Math.Abs(native[(r * (cols + 1)) + c] - phi[c]));
            }
        }

        Assert.True(worst <= NativeTolerance, $"largest difference from native {worst}");
    }

    [Fact]
    public void Contributions_BudgetForSomeCells_MixesCellsAndTablesBitForBit()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(4, 4, 80, 0.1, 42, 2000);
        using var owned = model;
        var json = model.ToJson();
        var full = BudgetedEnsemble.Parse(json, XGBoostTreeEnsemble.DefaultShapTableBudgetBytes);
        Assert.Equal(full.TreeCount, full.ShapTableTreeCount);
        Assert.Equal(full.TreeCount, full.ShapCellTreeCount);
        var ensemble = BudgetedEnsemble.Parse(json, full.ShapTableBytes + (full.ShapCellBytes / 2));

        Assert.Equal(ensemble.TreeCount, ensemble.ShapTableTreeCount);
        Assert.InRange(ensemble.ShapCellTreeCount, 1, ensemble.TreeCount - 1);
        Assert.True(ensemble.ShapCellBytes <= full.ShapCellBytes / 2);
        var rows = CellTestRows.OnAndBesideThresholds(json, 4, 42, 2000);
        Assert.Equal(0, CountMismatchesWithTables(ensemble, rows, 4));
    }

    [Fact]
    public void Contributions_BudgetOnlyForTables_BuildsNoCells()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(6, 4, 30, 0.1, 43, 1000);
        using var owned = model;
        var json = model.ToJson();
        var tablesOnly = BudgetedEnsemble.Parse(
            json,
            BudgetedEnsemble.Parse(json, 1L << 30).ShapTableBytes
        );

        Assert.Equal(tablesOnly.TreeCount, tablesOnly.ShapTableTreeCount);
        Assert.Equal(0, tablesOnly.ShapCellTreeCount);
        Assert.Equal(0, tablesOnly.ShapCellBytes);
    }

    [Fact]
    public void Contributions_ManyRows_BuildCellsInTheBackgroundAfterTheTablesAnsweredEnough()
    {
        var (model, _) = XGBoostTreeEnsembleTests.Train(4, 4, 40, 0.1, 47, 1000);
        using var owned = model;
        var json = model.ToJson();
        var ensemble = BudgetedEnsemble.Parse(
            json,
            XGBoostTreeEnsemble.DefaultShapTableBudgetBytes
        );
        var phi = new float[5];
        var expected = new float[5];

        var last = CellTestRows.AnswerUntilBuiltInBackground(
            json,
            47,
            row => ensemble.Contributions(row, phi),
            () => ensemble.ShapCellsBuilt
        );

        Assert.True(ensemble.ShapTablesBuilt);
        ensemble.TableContributions(last, expected);
        ensemble.Contributions(last, phi);
        Assert.True(SyntheticXGBoostData.BitwiseEqual(expected, phi));
    }

    internal static int CountMismatchesWithTables(
        XGBoostTreeEnsemble ensemble,
        float[] rows,
        int cols
    )
    {
        var cells = new float[cols + 1];
        var tables = new float[cols + 1];
        var mismatches = 0;
        for (var r = 0; r < rows.Length / cols; r++)
        {
            var row = rows.AsSpan(r * cols, cols);
            ensemble.Contributions(row, cells);
            ensemble.TableContributions(row, tables);
            if (!SyntheticXGBoostData.BitwiseEqual(tables, cells))
            {
                mismatches++;
            }
        }

        return mismatches;
    }
}
