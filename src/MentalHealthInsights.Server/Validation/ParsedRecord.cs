using MentalHealthInsights.Core.Data;

namespace MentalHealthInsights.Server.Validation;

/// <summary>A validated request record and the open-category fields mapped to "Other".</summary>
/// <param name="Record">The record, with canonical category spellings (HasCondition is unused: false).</param>
/// <param name="MappedToOther">Gender/Occupation/Country values outside the known lists, as in training.</param>
/// <param name="HasUserId">True when the request named a User_ID (it is pseudonymised before logging).</param>
internal sealed record ParsedRecord(
    MentalHealthRecord Record,
    IReadOnlyList<string> MappedToOther,
    bool HasUserId
);
