using MentalHealthInsights.Core.Data;
using MentalHealthInsights.Core.Features;
using MentalHealthInsights.Core.Training;
using MentalHealthInsights.Core.Training.Explanations;

namespace MentalHealthInsights.Core.Tests.Training.Explanations;

public sealed class PredictionExplainerTests
{
    private static readonly FittedPreprocessor Fitted = Preprocessor.Fit(
        ExplanationTestData.Records(),
        FeatureSpec.Default
    );

    private static MentalHealthRecord Person() =>
        new()
        {
            UserId = "p",
            Age = 30,
            Gender = "Female",
            Occupation = "Healthcare",
            Country = "UK",
            HasCondition = false,
            ConsultationHistory = true,
            StressLevel = "High",
            SleepHours = 5.5,
            WorkHours = 60,
            PhysicalActivityHours = double.NaN,
        };

    [Fact]
    public void ExplainPrediction_SpreadContributions_SummedPerColumnAndRanked()
    {
        // Every Stress_Level slot gets 0.3 (4 slots: 1.2 in total), Sleep −0.9, Work +0.5, Age +0.1.
        var values = new double[Fitted.OutputWidth];
        var (offset, width) = Fitted
            .GetOutputRange("Stress_Level")
            .GetOffsetAndLength(Fitted.OutputWidth);
        for (var k = 0; k < width; k++)
        {
            values[offset + k] = 0.3;
        }

        values[Index("Sleep_Hours")] = -0.9;
        values[Index("Work_Hours")] = 0.5;
        values[Index("Age")] = 0.1;
        var model = new ConstantExplanationModel(values, bias: -0.2);

        var explanation = PredictionExplainer.ExplainPrediction(Fitted, model, Person(), top: 3);

        Assert.Equal(
            ["Stress_Level", "Sleep_Hours", "Work_Hours"],
            explanation.Factors.Select(f => f.Column)
        );
        Assert.Equal(1.2, explanation.Factors[0].LogOdds, 12);
        Assert.Equal(FactorDirection.Up, explanation.Factors[0].Direction);
        Assert.Equal(FactorDirection.Down, explanation.Factors[1].Direction);
        Assert.Equal(-0.2 + 1.2 - 0.9 + 0.5 + 0.1, explanation.Margin, 12);
        Assert.Equal(-0.2, explanation.Bias);
        Assert.Equal("test constants", explanation.Method);
    }

    [Fact]
    public void ExplainPrediction_EqualSizes_TiesInColumnOrderZerosLeftOutTopCapped()
    {
        // Work_Hours +0.4, Sleep_Hours −0.4, Age +0.4 (the same size), Stress_Level 0 (left out).
        var values = new double[Fitted.OutputWidth];
        values[Index("Work_Hours")] = 0.4;
        values[Index("Sleep_Hours")] = -0.4;
        values[Index("Age")] = 0.4;
        values[Index("Physical_Activity_Hours")] = 0.05;
        var model = new ConstantExplanationModel(values, bias: 0);
        var columns = FeatureSpec.Default.Features.ToList();
        var tied = new[] { "Work_Hours", "Sleep_Hours", "Age" }.OrderBy(columns.IndexOf).ToArray();

        var three = PredictionExplainer.ExplainPrediction(Fitted, model, Person(), top: 3);
        var all = PredictionExplainer.ExplainPrediction(Fitted, model, Person(), top: 10);

        Assert.Equal(tied, three.Factors.Select(f => f.Column));
        Assert.Equal([.. tied, "Physical_Activity_Hours"], all.Factors.Select(f => f.Column));
        Assert.Equal(0.45, all.Margin, 12);
    }

    [Fact]
    public void ExplainPrediction_LinearModel_ValuesAndSentencesFromTheRecord()
    {
        var weights = ExplanationTestData.Weights(
            Fitted,
            ("Sleep_Hours", -0.8),
            ("Stress_Level=High", 1.02),
            ("Physical_Activity_Hours", -0.3)
        );
        var model = new FixedLinearModel(weights, 0);

        var explanation = PredictionExplainer.ExplainPrediction(Fitted, model, Person());

        var stress = explanation.Factors.Single(f => f.Column == "Stress_Level");
        Assert.Equal("High", stress.Value);
        Assert.Equal(
            "Stress_Level = High raises the predicted risk (+1.02 log-odds).",
            stress.Sentence
        );
        // 5.5 hours is below the training mean, so a negative weight raises the risk.
        var sleep = explanation.Factors.Single(f => f.Column == "Sleep_Hours");
        var stats = Fitted.GetNumericStats("Sleep_Hours");
        Assert.Equal("5.5", sleep.Value);
        Assert.Equal(FactorDirection.Up, sleep.Direction);
        Assert.Equal(-0.8 * (float)((5.5 - stats.Mean) / stats.Scale), sleep.LogOdds, 12);
        Assert.Contains("raises the predicted risk (+", sleep.Sentence, StringComparison.Ordinal);
        // The missing value is imputed with the training median.
        var activityStats = Fitted.GetNumericStats("Physical_Activity_Hours");
        var activity = explanation.Factors.Single(f => f.Column == "Physical_Activity_Hours");
        Assert.Equal(
            FormattableString.Invariant($"missing (imputed with {activityStats.Median:0.###})"),
            activity.Value
        );
        Assert.Equal(
            -0.3 * (float)((activityStats.Median - activityStats.Mean) / activityStats.Scale),
            activity.LogOdds,
            12
        );
        Assert.Equal(3, explanation.Factors.Count);
    }

    [Fact]
    public void ExplainPrediction_NegativeFactor_SaysLowers()
    {
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(Fitted, ("Stress_Level=High", -0.5)),
            0
        );

        var factor = Assert.Single(
            PredictionExplainer.ExplainPrediction(Fitted, model, Person()).Factors
        );

        Assert.Equal(FactorDirection.Down, factor.Direction);
        Assert.Equal(
            "Stress_Level = High lowers the predicted risk (−0.50 log-odds).",
            factor.Sentence
        );
    }

    [Fact]
    public void ExplainPrediction_MissingCategory_SaysMissing()
    {
        var model = new FixedLinearModel(
            ExplanationTestData.Weights(Fitted, ("Stress_Level=<unknown>", 0.4)),
            0
        );

        var factor = Assert.Single(
            PredictionExplainer
                .ExplainPrediction(Fitted, model, Person() with { StressLevel = null })
                .Factors
        );

        Assert.Equal("missing", factor.Value);
    }

    [Fact]
    public void ExplainPrediction_TopLessThanOne_Throws()
    {
        var model = new FixedLinearModel(new double[Fitted.OutputWidth], 0);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            PredictionExplainer.ExplainPrediction(Fitted, model, Person(), 0)
        );
    }

    private static int Index(string slot) => Fitted.OutputNames.ToList().IndexOf(slot);

    /// <summary>Explains every row with the same per-slot values (a stand-in for an explainer that spreads credit over one-hot slots).</summary>
    private sealed class ConstantExplanationModel(double[] values, double bias) : IBinaryModel
    {
        public string TrainerName => "constant";

        public string Format => "none";

        public void Predict(FeatureMatrix data, Span<double> destination) =>
            destination[..data.Rows].Fill(0.5);

        public double Predict(ReadOnlySpan<float> features) => 0.5;

        public FeatureContributions Explain(ReadOnlySpan<float> features) =>
            new((double[])values.Clone(), bias, "test constants");

        public void Save(Stream destination) { }

        public void Dispose() { }
    }
}
