using System.Text.Json;
using CaseIngest.Abstractions.Records;

namespace CaseIngest.Core.Tests.Support;

/// <summary>The seals and dates of an expected record (its <c>stamps</c>) against what the pipeline read.</summary>
internal static class ExpectedStamps
{
    public static void Equal(JsonElement expected, CaseRecord record)
    {
        var stamps = expected.GetProperty("stamps");
        var applicant = stamps.GetProperty("applicant");
        var recommender = stamps.GetProperty("recommender");
        Assert.NotNull(record.Stamps);
        Assert.Equal(
            (applicant.GetProperty("present").GetBoolean(), applicant.GetProperty("date").GetString(),
                recommender.GetProperty("present").GetBoolean(), recommender.GetProperty("date").GetString()),
            (record.Stamps.Applicant.Present, record.Stamps.Applicant.Date, record.Stamps.Recommender.Present, record.Stamps.Recommender.Date));
    }
}
