namespace CaseIngest.Plugins.OcrStamps.Layout;

/// <summary>The two blocks of a signature page.</summary>
internal enum SignatureBlock
{
    Applicant,
    Recommender,
}

internal static class SignatureBlockNames
{
    /// <summary>The name the record uses (<c>applicant</c>/<c>recommender</c>).</summary>
    public static string RecordName(this SignatureBlock block) => block == SignatureBlock.Applicant ? "applicant" : "recommender";

    public static string ChineseName(this SignatureBlock block) => block == SignatureBlock.Applicant ? "申报单位" : "推荐单位";
}
