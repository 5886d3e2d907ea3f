using System.Buffers;
using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Cli.Commands;

internal static partial class SimulateCommand
{
    /// <summary>{"records": [...]} with the nine features and User_ID; never the outcome columns.</summary>
    private static byte[] PredictionsBody(MentalHealthRecord[] records)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Length * 256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("records");
            foreach (var r in records)
            {
                json.WriteStartObject();
                json.WriteString(DatasetSchema.UserId, r.UserId);
                Number(json, DatasetSchema.Age, r.Age);
                json.WriteString(DatasetSchema.Gender, r.Gender);
                json.WriteString(DatasetSchema.Occupation, r.Occupation);
                json.WriteString(DatasetSchema.Country, r.Country);
                if (r.ConsultationHistory is { } consulted)
                {
                    json.WriteString(DatasetSchema.ConsultationHistory, consulted ? "Yes" : "No");
                }

                if (r.StressLevel is { } stress)
                {
                    json.WriteString(DatasetSchema.StressLevel, stress);
                }

                Number(json, DatasetSchema.SleepHours, r.SleepHours);
                Number(json, DatasetSchema.WorkHours, r.WorkHours);
                Number(json, DatasetSchema.PhysicalActivityHours, r.PhysicalActivityHours);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // A missing value is left out, as a client would send it.
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
    }

    private static byte[] LabelsBody(MentalHealthRecord[] records)
    {
        var buffer = new ArrayBufferWriter<byte>(records.Length * 48);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("labels");
            foreach (var r in records)
            {
                json.WriteStartObject();
                json.WriteString(DatasetSchema.UserId, r.UserId);
                json.WriteBoolean("outcome", r.HasCondition);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
