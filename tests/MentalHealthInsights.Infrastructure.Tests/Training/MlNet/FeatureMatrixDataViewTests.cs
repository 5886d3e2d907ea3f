using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Infrastructure.Training.MlNet;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace MentalHealthInsights.Infrastructure.Tests.Training.MlNet;

/// <summary>
/// The in-place view of a feature matrix gives ML.NET the same rows as the old one-object-per-row
/// view, so the same data trains byte-identical models.
/// </summary>
public sealed class FeatureMatrixDataViewTests
{
    private static readonly FeatureMatrix Training = PlantedData.Create(500, seed: 31);

    // Preprocessed generator rows: five scaled numbers and one-hot slots, mostly zeros.
    private static readonly FeatureMatrix OneHot = Preprocessed(400, seed: 32);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cursor_ReadsEveryRowAndLabelInOrder(bool sparse)
    {
        var view = new FeatureMatrixDataView(OneHot, sparse);
        var features = view.Schema[MlNetData.FeaturesColumn];
        var label = view.Schema[MlNetData.LabelColumn];

        Assert.Equal(OneHot.Rows, view.GetRowCount());
        Assert.Equal(OneHot.Columns, Assert.IsType<VectorDataViewType>(features.Type).Size);
        using var cursor = view.GetRowCursor(view.Schema);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(features);
        var getLabel = cursor.GetGetter<bool>(label);
        VBuffer<float> row = default;
        var isTrue = false;
        var rows = 0;
        while (cursor.MoveNext())
        {
            getFeatures(ref row);
            getLabel(ref isTrue);
            Assert.Equal(OneHot.Row(rows).ToArray(), row.DenseValues().ToArray());
            Assert.Equal(sparse && OneHot.Row(rows).Contains(0f), !row.IsDense);
            Assert.Equal(OneHot.Labels[rows], isTrue);
            rows++;
        }

        Assert.Equal(OneHot.Rows, rows);
        Assert.Throws<InvalidOperationException>(() => cursor.GetGetter<float>(label));
    }

    [Fact]
    public void FastForestAndLbfgs_BothViews_ByteIdenticalModels()
    {
        foreach (
            var fit in new Func<MLContext, IDataView, ITransformer>[]
            {
                (ml, data) => Forest(ml, data),
                (ml, data) => Logistic(ml, data),
            }
        )
        {
            var inPlace = Saved(fit, (ml, m) => new FeatureMatrixDataView(m));
            var enumerable = Saved(fit, EnumerableView);

            Assert.Equal(enumerable, inPlace);
        }
    }

    [Fact]
    public void FastForest_SparseRows_ByteIdenticalModel()
    {
        // The test means something only with many zeros to leave out.
        Assert.True(OneHot.Features.Count(v => v == 0f) > OneHot.Features.Length / 2);

        var sparse = Saved(Forest, (ml, m) => new FeatureMatrixDataView(m, sparse: true), OneHot);
        var dense = Saved(Forest, (ml, m) => new FeatureMatrixDataView(m), OneHot);

        Assert.Equal(dense, sparse);
    }

    private static FeatureMatrix Preprocessed(int rows, int seed) =>
        LabelledMatrix.Generate(rows, seed).Matrix;

    // The view training used before: one object per row through LoadFromEnumerable.
    private static IDataView EnumerableView(MLContext ml, FeatureMatrix matrix)
    {
        var rows = new FeatureRow[matrix.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new FeatureRow
            {
                Features = matrix.Row(i).ToArray(),
                Label = matrix.Labels[i],
            };
        }

        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[MlNetData.FeaturesColumn].ColumnType = new VectorDataViewType(
            NumberDataViewType.Single,
            matrix.Columns
        );
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    private static byte[] Saved(
        Func<MLContext, IDataView, ITransformer> fit,
        Func<MLContext, FeatureMatrix, IDataView> view,
        FeatureMatrix? matrix = null
    )
    {
        var ml = new MLContext(seed: 7);
        var data = view(ml, matrix ?? Training);
        return MlNetZip.Save(ml, fit(ml, data), data.Schema, []);
    }

    private static BinaryPredictionTransformer<FastForestBinaryModelParameters> Forest(
        MLContext ml,
        IDataView data
    ) => SmallForest.Trainer(ml).Fit(data);

    private static BinaryPredictionTransformer<Microsoft.ML.Calibrators.CalibratedModelParametersBase<
        LinearBinaryModelParameters,
        Microsoft.ML.Calibrators.PlattCalibrator
    >> Logistic(MLContext ml, IDataView data) =>
        ml
            .BinaryClassification.Trainers.LbfgsLogisticRegression(
                new LbfgsLogisticRegressionBinaryTrainer.Options
                {
                    FeatureColumnName = MlNetData.FeaturesColumn,
                    LabelColumnName = MlNetData.LabelColumn,
                    L2Regularization = 0.1f,
                    NumberOfThreads = 1,
                }
            )
            .Fit(data);

    private sealed class FeatureRow
    {
        [VectorType]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
