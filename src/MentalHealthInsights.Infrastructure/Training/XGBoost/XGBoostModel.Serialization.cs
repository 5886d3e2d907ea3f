using System.Globalization;
using System.Text.Json;

namespace MentalHealthInsights.Infrastructure.Training.XGBoost;

public sealed partial class XGBoostModel
{
    private const string SupportedObjective = "binary:logistic";

    /// <summary>
    /// The model in XGBoost's JSON model format (UTF-8), as Python's <c>booster.save_model("m.json")</c>
    /// writes it. Identical models give identical bytes.
    /// </summary>
    public byte[] ToJson()
    {
        ThrowIfDisposed();
        return booster.SaveJson();
    }

    /// <summary>
    /// Writes <see cref="ToJson"/> to <paramref name="path"/> (JSON whatever the extension; use
    /// ".json" so that Python's <c>load_model</c> recognises it). The file is written beside the
    /// target and then moved over it, so readers never see half a model.
    /// </summary>
    public void SaveJson(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var json = ToJson();
        var full = Path.GetFullPath(path);
        var temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            File.WriteAllBytes(temporary, json);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Loads a model from XGBoost JSON (e.g. from <see cref="ToJson"/> or Python's
    /// <c>save_model("m.json")</c>). Only binary:logistic models are accepted.
    /// </summary>
    /// <param name="json">The model bytes.</param>
    /// <param name="threads">Native threads for prediction (<c>nthread</c>); default 1, 1–1,024.</param>
    /// <exception cref="ArgumentException">Empty input, bad thread count, or another objective.</exception>
    /// <exception cref="XGBoostException">The library cannot parse the bytes (message from the library).</exception>
    public static XGBoostModel LoadJson(ReadOnlySpan<byte> json, int threads = 1)
    {
        if (json.IsEmpty)
        {
            throw new ArgumentException("The model is empty.", nameof(json));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(threads, 1024);
        XGBoostLibrary.EnsureAvailable();

        var booster = Booster.Create(null);
        try
        {
            booster.LoadFromBuffer(json);
            booster.SetParam("nthread", threads.ToString(CultureInfo.InvariantCulture));
            var objective = ReadObjective(booster.SaveJsonConfig());
            if (!string.Equals(objective, SupportedObjective, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The model's objective is '{objective}'; only {SupportedObjective} models are supported.",
                    nameof(json)
                );
            }

            return new XGBoostModel(booster);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    /// <summary>Reads <paramref name="path"/> and calls <see cref="LoadJson"/>.</summary>
    public static XGBoostModel LoadJsonFile(string path, int threads = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return LoadJson(File.ReadAllBytes(path), threads);
    }

    private static string ReadObjective(string configJson)
    {
        using var document = JsonDocument.Parse(configJson);
        return document
                .RootElement.GetProperty("learner")
                .GetProperty("learner_train_param")
                .GetProperty("objective")
                .GetString()
            ?? string.Empty;
    }
}
