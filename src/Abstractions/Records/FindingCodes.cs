namespace CaseIngest.Abstractions.Records;

/// <summary>The codes of DESIGN.md's rules catalogue. Plugins may add their own; these are the stable ones.</summary>
public static class FindingCodes
{
    // The names are the catalogue's codes; DESIGN.md describes each
    public const string TitleTooLong = "title_too_long";
    public const string TitleHasCompanyName = "title_has_company_name";
    public const string TitleHasAbbreviation = "title_has_abbreviation";
    public const string CaseNameMismatch = "case_name_mismatch";
    public const string TooShort = "too_short";
    public const string TooLong = "too_long";
    public const string OverviewTooLong = "overview_too_long";
    public const string ContentTooLong = "content_too_long";
    public const string PerformanceTooLong = "performance_too_long";
    public const string MissingDimension = "missing_dimension";
    public const string NoToc = "no_toc";
    public const string FirstPerson = "first_person";
    public const string HeadingDepth4 = "heading_depth_4";
    public const string FormatBody = "format_body";
    public const string FormatHeadings = "format_headings";
    public const string FormatPage = "format_page";
    public const string FormatRulesSkipped = "format_rules_skipped";
    public const string TypeNotTicked = "type_not_ticked";
    public const string MultipleTypesTicked = "multiple_types_ticked";
    public const string MissingField = "missing_field";
    public const string InvalidContact = "invalid_contact";
    public const string CreatorsCount = "creators_count";
    public const string IndicatorInconsistent = "indicator_inconsistent";
    public const string MissingApplicantStamp = "missing_applicant_stamp";
    public const string MissingRecommenderStamp = "missing_recommender_stamp";
    public const string MissingStampDate = "missing_stamp_date";
    public const string StampOrgMismatch = "stamp_org_mismatch";
    public const string StampDateOutOfWindow = "stamp_date_out_of_window";
    public const string LowOcrConfidence = "low_ocr_confidence";
    public const string TypeMismatch = "type_mismatch";
    public const string TypeUnsure = "type_unsure";
    public const string PossibleDuplicate = "possible_duplicate";
    public const string MissingDocument = "missing_document";
    public const string UnsupportedFormFormat = "unsupported_form_format";
    public const string ConvertedDocument = "converted_document";
    public const string PackageUnreadable = "package_unreadable";
    public const string PluginFailed = "plugin_failed";
    public const string LateSubmission = "late_submission";
    public const string SubmittedAtUnknown = "submitted_at_unknown";
    public const string RecommenderOverQuota = "recommender_over_quota";
    public const string RecommenderUnknown = "recommender_unknown";
    public const string DirectSubmission = "direct_submission";
    public const string CompanyAsShortName = "company_as_short_name";
    public const string SecondPerson = "second_person";
    public const string MissingSection = "missing_section";
    public const string NoPartnerDescribed = "no_partner_described";
    public const string NoFiguresOrTables = "no_figures_or_tables";
    public const string FormatTitle = "format_title";
    public const string CompanyLineMismatch = "company_line_mismatch";
    public const string IndicatorReportMismatch = "indicator_report_mismatch";
    public const string ImplementationUnderOneYear = "implementation_under_one_year";
    public const string ImplementationDateUnknown = "implementation_date_unknown";
    public const string RubricPointMissing = "rubric_point_missing";
}
