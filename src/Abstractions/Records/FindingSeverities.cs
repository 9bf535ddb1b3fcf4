namespace CaseIngest.Abstractions.Records;

/// <summary>
/// The default severity of every code of DESIGN.md's rules catalogue: the one severity table. The pipeline applies it
/// to every finding after the steps have run, with <c>Pipeline:SeverityOverrides:&lt;code&gt;</c> (the one override
/// section) on top; a code outside the catalogue keeps the severity its plugin gave it.
/// </summary>
public static class FindingSeverities
{
    /// <summary>Catalogue code → default severity.</summary>
    public static IReadOnlyDictionary<string, Severity> Defaults { get; } = new Dictionary<string, Severity>(StringComparer.Ordinal)
    {
        [FindingCodes.TitleTooLong] = Severity.Error,
        [FindingCodes.TitleHasCompanyName] = Severity.Error,
        [FindingCodes.TitleHasAbbreviation] = Severity.Error,
        [FindingCodes.CaseNameMismatch] = Severity.Warning,
        [FindingCodes.TooShort] = Severity.Error,
        [FindingCodes.TooLong] = Severity.Error,
        [FindingCodes.OverviewTooLong] = Severity.Error,
        [FindingCodes.ContentTooLong] = Severity.Error,
        [FindingCodes.PerformanceTooLong] = Severity.Error,
        [FindingCodes.MissingDimension] = Severity.Error,
        [FindingCodes.NoToc] = Severity.Error,
        [FindingCodes.FirstPerson] = Severity.Error,
        [FindingCodes.HeadingDepth4] = Severity.Error,
        [FindingCodes.FormatBody] = Severity.Warning,
        [FindingCodes.FormatHeadings] = Severity.Warning,
        [FindingCodes.FormatPage] = Severity.Warning,
        [FindingCodes.FormatRulesSkipped] = Severity.Info,
        [FindingCodes.TypeNotTicked] = Severity.Error,
        [FindingCodes.MultipleTypesTicked] = Severity.Error,
        [FindingCodes.MissingField] = Severity.Error,
        [FindingCodes.InvalidContact] = Severity.Warning,
        [FindingCodes.CreatorsCount] = Severity.Error,
        [FindingCodes.IndicatorInconsistent] = Severity.Warning,
        [FindingCodes.MissingApplicantStamp] = Severity.Error,
        [FindingCodes.MissingRecommenderStamp] = Severity.Error,
        [FindingCodes.MissingStampDate] = Severity.Error,
        [FindingCodes.StampOrgMismatch] = Severity.Warning,
        [FindingCodes.StampDateOutOfWindow] = Severity.Warning,
        [FindingCodes.LowOcrConfidence] = Severity.Warning,
        [FindingCodes.TypeMismatch] = Severity.Warning,
        [FindingCodes.TypeUnsure] = Severity.Info,
        [FindingCodes.PossibleDuplicate] = Severity.Warning,
        [FindingCodes.MissingDocument] = Severity.Error,
        [FindingCodes.UnsupportedFormFormat] = Severity.Error,
        [FindingCodes.ConvertedDocument] = Severity.Info,
        [FindingCodes.PackageUnreadable] = Severity.Error,
        [FindingCodes.PluginFailed] = Severity.Error,
        [FindingCodes.LateSubmission] = Severity.Error,
        [FindingCodes.SubmittedAtUnknown] = Severity.Info,
        [FindingCodes.RecommenderOverQuota] = Severity.Warning,
        [FindingCodes.RecommenderUnknown] = Severity.Warning,
        [FindingCodes.DirectSubmission] = Severity.Info,
        [FindingCodes.CompanyAsShortName] = Severity.Warning,
        [FindingCodes.SecondPerson] = Severity.Error,
        [FindingCodes.MissingSection] = Severity.Error,
        [FindingCodes.NoPartnerDescribed] = Severity.Warning,
        [FindingCodes.NoFiguresOrTables] = Severity.Info,
        [FindingCodes.FormatTitle] = Severity.Warning,
        [FindingCodes.CompanyLineMismatch] = Severity.Warning,
        [FindingCodes.IndicatorReportMismatch] = Severity.Warning,
        [FindingCodes.ImplementationUnderOneYear] = Severity.Error,
        [FindingCodes.ImplementationDateUnknown] = Severity.Info,
        [FindingCodes.RubricPointMissing] = Severity.Info,
    };

    /// <summary>The catalogue's default for <paramref name="code"/>, or <paramref name="otherwise"/> for a code outside it.</summary>
    public static Severity DefaultOf(string code, Severity otherwise) => Defaults.GetValueOrDefault(code, otherwise);
}
