using CaseIngest.Abstractions.Editions;
using CaseIngest.Abstractions.Records;
using CaseIngest.Editions.Configuration;
using CaseIngest.Editions.Registry;
using CaseIngest.Editions.Rules;

namespace CaseIngest.Editions.Stage;

/// <summary>Resolves a record's recommending unit through the registry and decides whether it is a direct submission.</summary>
internal static class EditionCases
{
    /// <summary>The fixed order of quotas and of the rules' input: <c>submittedAt</c> (unknown last), then <c>submissionId</c>.</summary>
    public static IReadOnlyList<EditionCase> Resolve(Edition edition, IEnumerable<CaseRecord> records) =>
        records.OrderBy(r => r.SubmittedAt is null)
            .ThenBy(r => r.SubmittedAt)
            .ThenBy(r => r.SubmissionId, StringComparer.Ordinal)
            .Select(r => Resolve(edition.Registry, r))
            .ToList();

    public static EditionCase Resolve(RecommenderRegistry registry, CaseRecord record)
    {
        var named = RecommenderName.Of(record);
        var unit = registry.Match(named);
        var applicant = record.Form?.Applicant;
        var applicantUnit = registry.Match(applicant);
        var selfRecommended = named is not null && applicant is not null
                              && (NameKey.Of(named) == NameKey.Of(applicant) || (unit is not null && ReferenceEquals(unit, applicantUnit)));
        if (record.DirectSubmission == true || selfRecommended)
        {
            var self = applicantUnit ?? unit;
            if (self is { CommitteeMember: true })
            {
                return new EditionCase(record, self.Info, DirectSubmission: true, self.Quota);
            }

            if (record.DirectSubmission == true)
            {
                return new EditionCase(record, Unit: null, DirectSubmission: false, Quota: null);
            }
        }

        return new EditionCase(record, unit?.Info, DirectSubmission: false, unit?.Quota);
    }

    /// <summary>The plugin findings a direct submission does not count: the recommender block's stamp, date, opinion
    /// and contact (the plugins locate them in the 推荐单位… sections).</summary>
    public static bool ConcernsRecommenderBlock(Finding finding) =>
        finding.Code == FindingCodes.MissingRecommenderStamp
        || finding.Location?.Section?.StartsWith("推荐单位", StringComparison.Ordinal) == true;
}
