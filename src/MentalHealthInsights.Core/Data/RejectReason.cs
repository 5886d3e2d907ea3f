namespace MentalHealthInsights.Core.Data;

/// <summary>
/// Why a row was rejected. The names are the stable reason codes written to rejects files and
/// JSON summaries (documented in docs/data-validation.md); never rename one.
/// </summary>
public enum RejectReason
{
    /// <summary>The row has a different number of fields from the header.</summary>
    WrongFieldCount,

    /// <summary>Mental_Health_Condition is empty.</summary>
    MissingTarget,

    /// <summary>Mental_Health_Condition is not Yes or No.</summary>
    InvalidTarget,

    /// <summary>A numeric field is not a number in the invariant culture.</summary>
    UnparsableNumber,

    /// <summary>A numeric field is NaN or ±Infinity.</summary>
    NonFiniteNumber,

    /// <summary>A numeric field is outside its configured range.</summary>
    OutOfRange,

    /// <summary>A closed-list category (Severity, Consultation_History, Stress_Level) has an unknown value.</summary>
    InvalidCategory,

    /// <summary>User_ID is empty.</summary>
    MissingUserId,

    /// <summary>User_ID was already seen earlier in the file (the first occurrence is kept).</summary>
    DuplicateUserId,

    /// <summary>The row contains bytes that are not valid UTF-8.</summary>
    InvalidEncoding,

    /// <summary>A field is longer than the configured maximum field length.</summary>
    FieldTooLong,
}
