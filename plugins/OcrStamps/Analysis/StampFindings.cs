using System.Globalization;
using CaseIngest.Abstractions.Plugins;
using CaseIngest.Abstractions.Records;
using CaseIngest.Plugins.OcrStamps.Configuration;
using CaseIngest.Plugins.OcrStamps.Layout;
using CaseIngest.Plugins.OcrStamps.Matching;

namespace CaseIngest.Plugins.OcrStamps.Analysis;

/// <summary>The seal of one block as the package shows it: the best seal over all pages and the date beside it.</summary>
internal sealed record BlockStamp(SignatureBlock Block, SealReading? Seal, int? Page, string? File, DateOnly? Date);

/// <summary>Turns the blocks' stamps into the record's findings (missing seal, missing or out-of-window date, wrong
/// organisation).</summary>
internal static class StampFindings
{
    /// <summary>A confident reading of at least this many distinctive characters is needed to call a mismatch.</summary>
    private const double MinReadingConfidence = 0.8;
    private const int MinDistinctiveCharacters = 2;

    public static void Add(SubmissionContext context, BlockStamp stamp, string? formUnit, OcrStampsOptions options)
    {
        var blockName = stamp.Block.ChineseName();
        var location = new FindingLocation { File = stamp.File, Section = blockName, Page = stamp.Page };
        if (stamp.Seal is null)
        {
            var code = stamp.Block == SignatureBlock.Applicant ? FindingCodes.MissingApplicantStamp : FindingCodes.MissingRecommenderStamp;
            context.AddFinding(code, $"签章页{blockName}栏未见红色公章", $"{blockName}盖章处未检测到圆形红章", location);
            return;
        }

        if (stamp.Date is not { } date)
        {
            context.AddFinding(FindingCodes.MissingStampDate, $"{blockName}盖章处未填写日期", $"{blockName}栏未识别出年月日", location);
        }
        else if (date < options.WindowStart || date > options.WindowEnd)
        {
            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            context.AddFinding(FindingCodes.StampDateOutOfWindow,
                $"{blockName}盖章日期 {iso} 不在征集期内（{options.WindowStart:yyyy-MM-dd} 至 {options.WindowEnd:yyyy-MM-dd}）", iso, location);
        }

        if (IsMismatch(stamp.Seal, formUnit, options))
        {
            context.AddFinding(FindingCodes.StampOrgMismatch, $"{blockName}公章单位与申报表填写的单位不一致",
                $"公章：{stamp.Seal.Organization}；申报表：{formUnit}", location);
        }
    }

    private static bool IsMismatch(SealReading seal, string? formUnit, OcrStampsOptions options) =>
        formUnit is { Length: > 0 } && seal.Organization is { } read &&
        seal.OrganizationConfidence >= MinReadingConfidence &&
        OrganizationMatcher.Distinctive(read).Length >= MinDistinctiveCharacters &&
        OrganizationMatcher.Similarity(read, formUnit) < options.OrganizationMismatchBelow;
}
