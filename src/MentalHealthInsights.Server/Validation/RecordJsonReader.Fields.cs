using System.Text.Json;
using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Validation;

internal static partial class RecordJsonReader
{
    private const int UserIdField = 0;
    private const int FirstFeature = 1;
    private const int AgeField = 1;
    private const int GenderField = 2;
    private const int OccupationField = 3;
    private const int CountryField = 4;
    private const int ConsultationField = 5;
    private const int StressField = 6;
    private const int SleepField = 7;
    private const int WorkField = 8;
    private const int ActivityField = 9;

    /// <summary>The request's member names (the dataset's column names), User_ID first.</summary>
    public static IReadOnlyList<string> Fields => FieldNames;

    private static readonly string[] FieldNames =
    [
        DatasetSchema.UserId,
        DatasetSchema.Age,
        DatasetSchema.Gender,
        DatasetSchema.Occupation,
        DatasetSchema.Country,
        DatasetSchema.ConsultationHistory,
        DatasetSchema.StressLevel,
        DatasetSchema.SleepHours,
        DatasetSchema.WorkHours,
        DatasetSchema.PhysicalActivityHours,
    ];

    // The schema's own string instances, so parsed records share them instead of allocating.
    private static readonly string[] Genders = [.. DatasetSchema.Genders];
    private static readonly string[] Occupations = [.. DatasetSchema.Occupations];
    private static readonly string[] Countries = [.. DatasetSchema.Countries];
    private static readonly string[] StressLevels = [.. DatasetSchema.StressLevels];

    // A name holding an escaped lone surrogate (not valid UTF-16) is no field: an unknown member,
    // ignored like any other, where ValueTextEquals would throw.
    private static int FieldOf(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped && !HasValidText(ref reader) ? -1
        : reader.ValueTextEquals("Age"u8) ? AgeField
        : reader.ValueTextEquals("Gender"u8) ? GenderField
        : reader.ValueTextEquals("Occupation"u8) ? OccupationField
        : reader.ValueTextEquals("Country"u8) ? CountryField
        : reader.ValueTextEquals("Consultation_History"u8) ? ConsultationField
        : reader.ValueTextEquals("Stress_Level"u8) ? StressField
        : reader.ValueTextEquals("Sleep_Hours"u8) ? SleepField
        : reader.ValueTextEquals("Work_Hours"u8) ? WorkField
        : reader.ValueTextEquals("Physical_Activity_Hours"u8) ? ActivityField
        : reader.ValueTextEquals("User_ID"u8) ? UserIdField
        : -1;

    // Everything learned about one record while reading it.
    private struct RecordState
    {
        public int Seen;
        public bool Failed;
        public int MappedMask;
        public string? UserId;
        public double Age;
        public double Sleep;
        public double Work;
        public double Activity;
        public string? Gender;
        public string? Occupation;
        public string? Country;
        public string? Stress;
        public bool? Consultation;

        public RecordState()
        {
            Age = Sleep = Work = Activity = double.NaN;
        }

        public void MarkMapped(int field) => MappedMask |= 1 << field;

        public readonly ParsedRecord ToParsed()
        {
            IReadOnlyList<string> mapped = [];
            if (MappedMask != 0)
            {
                var list = new List<string>(3);
                foreach (
                    var field in (ReadOnlySpan<int>)[GenderField, OccupationField, CountryField]
                )
                {
                    if ((MappedMask & (1 << field)) != 0)
                    {
                        list.Add(FieldNames[field]);
                    }
                }
                mapped = list;
            }
            return new ParsedRecord(
                new MentalHealthRecord
                {
                    UserId = UserId ?? string.Empty,
                    Age = Age,
                    Gender = Gender ?? DatasetSchema.Other,
                    Occupation = Occupation ?? DatasetSchema.Other,
                    Country = Country ?? DatasetSchema.Other,
                    HasCondition = false,
                    ConsultationHistory = Consultation,
                    StressLevel = Stress,
                    SleepHours = Sleep,
                    WorkHours = Work,
                    PhysicalActivityHours = Activity,
                },
                mapped,
                UserId is not null
            );
        }
    }
}
