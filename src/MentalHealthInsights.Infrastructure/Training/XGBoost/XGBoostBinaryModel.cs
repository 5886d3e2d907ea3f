using MentalHealthInsights.Core.Training;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

/// <summary>An XGBoost booster behind the model port; saved in XGBoost's JSON format.</summary>
public sealed class XGBoostBinaryModel : IBinaryModel
{
    /// <summary>Wraps a trained or loaded booster (this object owns it).</summary>
    public XGBoostBinaryModel(XGBoostModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    /// <summary>The underlying booster.</summary>
    public XGBoostModel Model { get; }

    /// <inheritdoc />
    public string TrainerName => "xgb";

    /// <inheritdoc />
    public string Format => "xgboost-json";

    /// <summary>Loads a model saved by <see cref="Save"/> (or by Python's xgboost in JSON).</summary>
    public static XGBoostBinaryModel Load(Stream source, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var buffer = new MemoryStream();
        source.CopyTo(buffer);
        return new XGBoostBinaryModel(XGBoostModel.LoadJson(buffer.ToArray(), threads));
    }

    /// <inheritdoc />
    public void Predict(FeatureMatrix data, Span<double> destination)
    {
        ArgumentNullException.ThrowIfNull(data);
        var probabilities = Model.PredictProbabilities(data.Features, data.Rows);
        for (var i = 0; i < probabilities.Length; i++)
        {
            destination[i] = probabilities[i];
        }
    }

    /// <inheritdoc />
    public double Predict(ReadOnlySpan<float> features) => Model.PredictProbability(features);

    /// <inheritdoc />
    public FeatureContributions Explain(ReadOnlySpan<float> features)
    {
        var contributions = Model.PredictContributions(features, 1);
        var values = new double[contributions.Length - 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = contributions[i];
        }
        return new FeatureContributions(
            values,
            contributions[^1],
            "TreeSHAP (XGBoost pred_contribs)"
        );
    }

    /// <inheritdoc />
    public void Save(Stream destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Write(Model.ToJson());
    }

    /// <inheritdoc />
    public void Dispose() => Model.Dispose();
}
