using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training.Evaluation;

namespace MentalHealthInsights.Core.Training.Protocol;

/// <summary>
/// The k folds of the training part, preprocessed once: for each fold a preprocessor is fitted on
/// the fold's training rows only and transforms both the fold's training and validation rows. The
/// matrices are shared by every trainer and configuration (they are never modified).
/// </summary>
internal sealed class CrossValidationFolds
{
    private CrossValidationFolds(
        int[] foldOfRow,
        FeatureMatrix[] train,
        FeatureMatrix[] validation,
        int[][] validationPositions
    )
    {
        FoldOfRow = foldOfRow;
        Train = train;
        Validation = validation;
        ValidationPositions = validationPositions;
    }

    /// <summary>The fold of each training-part position.</summary>
    public int[] FoldOfRow { get; }

    /// <summary>Fold f's training rows, transformed by fold f's preprocessor.</summary>
    public FeatureMatrix[] Train { get; }

    /// <summary>Fold f's validation rows, transformed by fold f's preprocessor.</summary>
    public FeatureMatrix[] Validation { get; }

    /// <summary>Fold f's validation rows as positions in the training part (ascending).</summary>
    public int[][] ValidationPositions { get; }

    public int Count => Train.Length;

    /// <summary>Builds the folds; <paramref name="afterFold"/> is called once per fold built.</summary>
    public static CrossValidationFolds Build(
        IReadOnlyList<MentalHealthRecord> records,
        int[] trainRows,
        bool[] trainLabels,
        int folds,
        int seed,
        FeatureSpec spec,
        Action afterFold,
        CancellationToken cancellationToken
    )
    {
        var foldOfRow = StratifiedSplit.KFold(trainLabels, folds, seed);
        var train = new FeatureMatrix[folds];
        var validation = new FeatureMatrix[folds];
        var positions = new int[folds][];
        for (var f = 0; f < folds; f++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (trainPositions, validationPositions) = StratifiedSplit.Fold(foldOfRow, f);
            var fitRows = ToRecordRows(trainRows, trainPositions);
            var holdRows = ToRecordRows(trainRows, validationPositions);
            var preprocessor = Preprocessor.Fit(records, fitRows, spec);
            train[f] = Matrix(records, fitRows, preprocessor);
            validation[f] = Matrix(records, holdRows, preprocessor);
            positions[f] = validationPositions;
            afterFold();
        }

        return new CrossValidationFolds(foldOfRow, train, validation, positions);
    }

    /// <summary>Transforms the records at <paramref name="rows"/> into a labelled matrix.</summary>
    public static FeatureMatrix Matrix(
        IReadOnlyList<MentalHealthRecord> records,
        int[] rows,
        FittedPreprocessor preprocessor
    )
    {
        var labels = new bool[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            labels[i] = records[rows[i]].HasCondition;
        }

        return new FeatureMatrix(
            preprocessor.TransformBatch(records, rows),
            labels,
            preprocessor.OutputNames
        );
    }

    private static int[] ToRecordRows(int[] trainRows, int[] positions)
    {
        var rows = new int[positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            rows[i] = trainRows[positions[i]];
        }

        return rows;
    }
}
