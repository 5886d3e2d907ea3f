using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using MentalHealthInsights.Infrastructure.Training.XGBoost;

namespace MentalHealthInsights.Infrastructure.Tests.Training.XGBoost;

/// <summary>
/// The JSON model written by C# must load in Python's xgboost and predict the same numbers, and
/// Python training with <see cref="XGBoostOptions.ToParameters"/> must give the same model.
/// Runs Debian's /usr/bin/python3 (the python3 on PATH may be another interpreter without
/// xgboost). Missing Python or xgboost is a failure, never a skip: CI installs python3-xgboost.
/// </summary>
public sealed class XGBoostPythonCompatibilityTests
{
    private const string Python = "/usr/bin/python3";
    private const double Tolerance = 1e-6;

    private const string InstallHint =
        "This cross-language test needs /usr/bin/python3 with xgboost and numpy: "
        + "apt-get install python3-xgboost (it pulls in python3-numpy).";

    // Matrices travel as raw little-endian float32 so no value is rounded through text.
    private const string Script = """
        import json, sys
        try:
            import numpy as np
            import xgboost as xgb
        except ImportError as e:
            print("import failed: %s" % e, file=sys.stderr)
            sys.exit(3)
        model_path, data_path, labels_path, spec_path, rows, cols, out_dir = sys.argv[1:]
        X = np.fromfile(data_path, dtype="<f4").reshape(int(rows), int(cols))
        d = xgb.DMatrix(X, missing=np.nan)
        booster = xgb.Booster()
        booster.load_model(model_path)
        booster.predict(d).astype("<f4").tofile(out_dir + "/prob.bin")
        booster.predict(d, output_margin=True).astype("<f4").tofile(out_dir + "/margin.bin")
        booster.predict(d, pred_contribs=True).astype("<f4").tofile(out_dir + "/contribs.bin")
        with open(spec_path) as f:
            spec = json.load(f)
        y = np.fromfile(labels_path, dtype="<f4")
        dtrain = xgb.DMatrix(X, label=y, missing=np.nan)
        trained = xgb.train(spec["params"], dtrain, num_boost_round=spec["rounds"])
        trained.predict(d).astype("<f4").tofile(out_dir + "/python_trained_prob.bin")
        print(xgb.__version__)
        """;

    [Fact]
    public async Task PythonXGBoost_LoadsCSharpJson_PredictsSameProbabilitiesMarginsAndShap()
    {
        Assert.True(BitConverter.IsLittleEndian, "the raw float32 exchange assumes little-endian");
        Assert.True(File.Exists(Python), $"{Python} not found. {InstallHint}");
        const int rows = 400;
        const int cols = 6;
        var data = SyntheticXGBoostData.Create(rows, cols, seed: 41, missingShare: 0.1);
        var options = new XGBoostOptions
        {
            Rounds = 50,
            MaxDepth = 4,
            Subsample = 0.8,
            ColsampleByTree = 0.8,
        };
        using var model = XGBoostModel.Train(data.Features, rows, cols, data.Labels, options);
        using var dir = new TempDirectory();
        model.SaveJson(dir.File("model.json"));
        File.WriteAllBytes(
            dir.File("x.bin"),
            MemoryMarshal.AsBytes(data.Features.AsSpan()).ToArray()
        );
        File.WriteAllBytes(
            dir.File("y.bin"),
            MemoryMarshal.AsBytes(data.Labels.AsSpan()).ToArray()
        );
        var spec = new
        {
            @params = options.ToParameters().ToDictionary(p => p.Key, p => p.Value),
            rounds = options.Rounds,
        };
        File.WriteAllText(dir.File("spec.json"), JsonSerializer.Serialize(spec));

        var pythonVersion = await RunPythonAsync(
            dir.File("model.json"),
            dir.File("x.bin"),
            dir.File("y.bin"),
            dir.File("spec.json"),
            rows.ToString(CultureInfo.InvariantCulture),
            cols.ToString(CultureInfo.InvariantCulture),
            dir.Path
        );

        var context =
            $"python xgboost {pythonVersion}, C# libxgboost {XGBoostModel.LibraryVersion}";
        AssertClose(
            model.PredictProbabilities(data.Features, rows),
            ReadFloats(dir.File("prob.bin")),
            context
        );
        AssertClose(
            model.PredictMargins(data.Features, rows),
            ReadFloats(dir.File("margin.bin")),
            context
        );
        AssertClose(
            model.PredictContributions(data.Features, rows),
            ReadFloats(dir.File("contribs.bin")),
            context
        );
        AssertClose(
            model.PredictProbabilities(data.Features, rows),
            ReadFloats(dir.File("python_trained_prob.bin")),
            context + ", model trained in Python with ToParameters()"
        );
    }

    private static async Task<string> RunPythonAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process =
            Process.Start(start) ?? throw new InvalidOperationException(InstallHint);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung interpreter, not a timing assertion.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("python did not finish within 5 minutes");
        }

        var error = await stderr;
        if (process.ExitCode == 3)
        {
            Assert.Fail($"{InstallHint} Python said: {error.Trim()}");
        }

        Assert.True(process.ExitCode == 0, $"python exited with {process.ExitCode}: {error}");
        return (await stdout).Trim();
    }

    private static float[] ReadFloats(string path) =>
        MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(path)).ToArray();

    private static void AssertClose(float[] expected, float[] actual, string context)
    {
        Assert.Equal(expected.Length, actual.Length);
        var maxDiff = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            maxDiff = Math.Max(maxDiff, Math.Abs((double)expected[i] - actual[i]));
        }

        Assert.True(maxDiff <= Tolerance, $"max |C# − Python| = {maxDiff} ({context})");
    }
}
