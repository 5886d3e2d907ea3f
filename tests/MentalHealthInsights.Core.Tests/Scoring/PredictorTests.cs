using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Scoring;
using MentalHealthInsights.Core.Tests.Training.Explanations;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Tests.Scoring;

public sealed class PredictorTests
{
    private static readonly FittedPreprocessor Fitted = Preprocessor.Fit(
        ExplanationTestData.Records(),
        FeatureSpec.Default
    );

    [Fact]
    public void Predict_Record_ProbabilityLabelFactorsAndUnknownColumnsAgreeWithTheirSources()
    {
        var model = new LinearModel(Fitted.OutputWidth);
        var predictor = new Predictor(Fitted, model, threshold: 0.4);
        var record = new MentalHealthRecord
        {
            UserId = "p",
            Age = 52,
            Gender = "Female",
            Occupation = "IT",
            Country = "UK",
            HasCondition = false,
            StressLevel = null, // missing → the unknown slot
            SleepHours = 4.5,
            WorkHours = 70,
            PhysicalActivityHours = 1,
        };

        var prediction = predictor.Predict(record, topFactors: 3);

        var row = Fitted.Transform(record);
        Assert.Equal(model.Predict(row), prediction.Probability);
        Assert.Equal(prediction.Probability >= 0.4, prediction.Label);
        Assert.Equal(predictor.PredictProbability(record), prediction.Probability);
        var expected = PredictionExplainer.ExplainPrediction(Fitted, model, record, top: 3);
        Assert.Equal(expected.Factors, prediction.TopFactors);
        Assert.Equal(3, prediction.TopFactors.Count);
        Assert.Contains(DatasetSchema.StressLevel, prediction.UnknownColumns);
    }

    [Fact]
    public void PredictProbabilities_ModelWithoutBlockPath_EqualsOneCallPerRecord()
    {
        var predictor = new Predictor(Fitted, new LinearModel(Fitted.OutputWidth), 0.5);
        var records = ExplanationTestData.Records().Take(150).ToArray();
        var probabilities = new double[records.Length];

        predictor.PredictProbabilities(records, probabilities);

        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(predictor.PredictProbability(records[i]), probabilities[i]);
        }
    }

    [Fact]
    public void PredictProbabilities_LengthsDiffer_Throws()
    {
        var predictor = new Predictor(Fitted, new LinearModel(Fitted.OutputWidth), 0.5);
        var records = ExplanationTestData.Records().Take(3).ToArray();

        Assert.Throws<ArgumentException>(() =>
            predictor.PredictProbabilities(records, new double[2])
        );
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Constructor_ThresholdOutsideZeroToOne_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new Predictor(Fitted, new LinearModel(Fitted.OutputWidth), threshold)
        );
    }

    /// <summary>sigmoid(Σ w_j x_j) with w_j = (j + 1) / width, contributions w_j x_j: a real, tiny linear model.</summary>
    private sealed class LinearModel(int width) : IBinaryModel
    {
        public string TrainerName => "linear";

        public string Format => "none";

        public void Predict(FeatureMatrix data, Span<double> destination)
        {
            for (var i = 0; i < data.Rows; i++)
            {
                destination[i] = Predict(data.Row(i));
            }
        }

        public double Predict(ReadOnlySpan<float> features) =>
            1 / (1 + Math.Exp(-Explain(features).Values.Sum()));

        public FeatureContributions Explain(ReadOnlySpan<float> features)
        {
            var values = new double[width];
            for (var j = 0; j < width; j++)
            {
                values[j] = (j + 1.0) / width * features[j];
            }
            return new FeatureContributions(values, 0, "w·x");
        }

        public void Save(Stream destination) { }

        public void Dispose() { }
    }
}
